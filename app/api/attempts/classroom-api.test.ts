/**
 * The students' JSON API, called through the exported route handlers with
 * Request objects and the session cookie in the Cookie header, against the
 * test worker's own database.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/lib/db/client';
import { answers, attempts } from '@/lib/db/schema';
import { POST as join } from '../join/route';
import { POST as resume } from '../resume/route';
import { GET as getAttempt } from './[attemptId]/route';
import { PUT as putAnswer } from './[attemptId]/answers/[questionId]/route';
import { POST as submit } from './[attemptId]/submit/route';
import { POST as check } from './[attemptId]/check/[questionId]/route';
import { cookieFrom, freshIp, jsonRequest, makeAssignment, setAssignment } from './_lib/test-fixtures';

afterAll(() => closeDb());

const params = <T,>(p: T) => ({ params: Promise.resolve(p) });

async function joinAs(code: string, name: string, ip = freshIp()) {
  const res = await join(jsonRequest('/api/join', 'POST', { code, name }, { 'x-forwarded-for': ip }));
  return res;
}
async function joined(code: string, name = 'Sam') {
  const res = await joinAs(code, name);
  expect(res.status).toBe(201);
  const body = (await res.json()) as { attemptId: string; resumeCode: string; nameIndex: number; displayName: string };
  return { ...body, cookie: cookieFrom(res) };
}
const put = (attemptId: string, questionId: string, body: unknown, cookie?: string) =>
  putAnswer(jsonRequest(`/api/attempts/${attemptId}/answers/${questionId}`, 'PUT', body, cookie ? { cookie } : {}), params({ attemptId, questionId }));
const get = (attemptId: string, cookie?: string) => getAttempt(new Request(`http://localhost/api/attempts/${attemptId}`, { headers: cookie ? { cookie } : {} }), params({ attemptId }));
const doSubmit = (attemptId: string, key: string, cookie?: string) =>
  submit(jsonRequest(`/api/attempts/${attemptId}/submit`, 'POST', { idempotencyKey: key }, cookie ? { cookie } : {}), params({ attemptId }));
const doCheck = (attemptId: string, questionId: string, cookie?: string) =>
  check(new Request(`http://localhost/api/attempts/${attemptId}/check/${questionId}`, { method: 'POST', headers: cookie ? { cookie } : {} }), params({ attemptId, questionId }));

describe('POST /api/join', () => {
  it('201 with attempt id, a formatted resume code and an HTTP-only student cookie; only a hash is stored', async () => {
    const { joinCode } = await makeAssignment();
    const res = await joinAs(joinCode.toLowerCase().replace(/^(...)/, '$1-'), '  Sam   Lee ');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ attemptId: expect.any(String), resumeCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/), displayName: 'Sam Lee', nameIndex: 1 });
    expect(res.headers.get('set-cookie')).toMatch(/cr_student=.+; Path=\/; Expires=.+; HttpOnly; SameSite=Lax/);
    const db = await getDb();
    const [row] = await db.select().from(attempts).where(eq(attempts.id, body.attemptId));
    expect(row!.displayName).toBe('Sam Lee');
    expect(row!.resumeCodeHash).not.toContain(body.resumeCode.replace('-', ''));
  });
  it('404 naming the code field for a wrong code', async () => {
    const res = await joinAs('ZZZZZZZZ', 'Sam');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No assignment has that code. Check the code with your teacher.', field: 'code' } });
  });
  it('409 when the assignment is closed', async () => {
    const { joinCode } = await makeAssignment({ closed: true });
    const res = await joinAs(joinCode, 'Sam');
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/closed to new answers/);
  });
  it('422 for an empty or over-long name, and for an over-long code', async () => {
    const { joinCode } = await makeAssignment();
    const empty = await joinAs(joinCode, '   ');
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.field).toBe('name');
    expect((await joinAs(joinCode, 'x'.repeat(41))).status).toBe(422);
    expect((await joinAs(joinCode, `${'x'.repeat(20)}     ${'y'.repeat(19)}`)).status).toBe(201); // 40 after collapsing
    const long = await joinAs('A'.repeat(21), 'Sam');
    expect(long.status).toBe(422);
    expect((await long.json()).error.field).toBe('code');
  });
  it('413 for a body over 64 KB', async () => {
    const res = await join(jsonRequest('/api/join', 'POST', { code: 'ABC', name: 'x'.repeat(70_000) }, { 'x-forwarded-for': freshIp() }));
    expect(res.status).toBe(413);
  });
  it('two students with the same name both get in, told apart by number (also when joining at once)', async () => {
    const { joinCode } = await makeAssignment();
    const a = await joined(joinCode, 'Sam');
    const b = await joined(joinCode, 'sam');
    expect([a.nameIndex, b.nameIndex]).toEqual([1, 2]);
    expect(a.attemptId).not.toBe(b.attemptId);
    const many = await Promise.all(Array.from({ length: 6 }, () => joined(joinCode, 'Alex')));
    expect(many.map((m) => m.nameIndex).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('429 with Retry-After after too many wrong codes from one address, even for a right code', async () => {
    const { joinCode } = await makeAssignment();
    const ip = freshIp();
    for (let i = 0; i < 20; i++) expect((await joinAs(`WRONG${i}`, 'Sam', ip)).status).toBe(404);
    const blocked = await joinAs('WRONGX', 'Sam', ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await joinAs(joinCode, 'Sam', ip)).status).toBe(429);
    expect((await joinAs(joinCode, 'Sam', freshIp())).status).toBe(201);
  });
});

describe('POST /api/resume', () => {
  it('reopens the same attempt with the resume code (any case, with or without dash) and sets a cookie', async () => {
    const { joinCode } = await makeAssignment();
    const s = await joined(joinCode);
    const res = await resume(jsonRequest('/api/resume', 'POST', { code: joinCode, resumeCode: s.resumeCode.replace('-', ' ').toLowerCase() }, { 'x-forwarded-for': freshIp() }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ attemptId: s.attemptId });
    const cookie = cookieFrom(res);
    expect((await get(s.attemptId, cookie)).status).toBe(200);
  });
  it('404 with the same message for a wrong class code and a wrong resume code; 429 after 10 failures', async () => {
    const { joinCode } = await makeAssignment();
    const s = await joined(joinCode);
    const ip = freshIp();
    const wrongCode = await resume(jsonRequest('/api/resume', 'POST', { code: 'NOPE99', resumeCode: s.resumeCode }, { 'x-forwarded-for': ip }));
    const wrongResume = await resume(jsonRequest('/api/resume', 'POST', { code: joinCode, resumeCode: 'ABCD-EFGH' }, { 'x-forwarded-for': ip }));
    expect(wrongCode.status).toBe(404);
    expect(wrongResume.status).toBe(404);
    expect((await wrongCode.json()).error.message).toBe((await wrongResume.json()).error.message);
    for (let i = 0; i < 8; i++) expect((await resume(jsonRequest('/api/resume', 'POST', { code: joinCode, resumeCode: 'ABCD-EFGH' }, { 'x-forwarded-for': ip }))).status).toBe(404);
    const blocked = await resume(jsonRequest('/api/resume', 'POST', { code: joinCode, resumeCode: s.resumeCode }, { 'x-forwarded-for': ip }));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
  });
});

describe('PUT /api/attempts/{id}/answers/{questionId}', () => {
  it('saves, grades on save, and returns seq and savedAt', async () => {
    const { joinCode } = await makeAssignment();
    const s = await joined(joinCode);
    const res = await put(s.attemptId, 'main-source', { answer: { choice: ['tekushev'] }, seq: 1 }, s.cookie);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ seq: 1, applied: true });
    expect(new Date(body.savedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const db = await getDb();
    const [row] = await db.select().from(answers).where(eq(answers.attemptId, s.attemptId));
    expect(row!.autoGrade).toMatchObject({ questionId: 'main-source', score: 1 });
  });
  it('a lower or equal seq is not applied: the stored one is returned with applied false', async () => {
    const { joinCode } = await makeAssignment();
    const s = await joined(joinCode);
    expect((await put(s.attemptId, 'attack-count', { answer: { text: 'seven' }, seq: 5 }, s.cookie)).status).toBe(200);
    const late = await put(s.attemptId, 'attack-count', { answer: { text: 'old' }, seq: 4 }, s.cookie);
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ seq: 5, applied: false });
    const same = await put(s.attemptId, 'attack-count', { answer: { text: 'dup' }, seq: 5 }, s.cookie);
    expect(await same.json()).toMatchObject({ seq: 5, applied: false });
    const view = await (await get(s.attemptId, s.cookie)).json();
    expect(view.answers['attack-count']).toMatchObject({ answer: { text: 'seven' }, seq: 5 });
  });
  it('concurrent saves in any order end with the highest seq stored', async () => {
    const { joinCode } = await makeAssignment();
    const s = await joined(joinCode);
    const seqs = Array.from({ length: 20 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    const results = await Promise.all(seqs.map((seq) => put(s.attemptId, 'single-source', { answer: { text: `v${seq}` }, seq }, s.cookie)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const view = await (await get(s.attemptId, s.cookie)).json();
    expect(view.answers['single-source']).toMatchObject({ answer: { text: 'v20' }, seq: 20 });
  });
  it('validates the answer against the question kind: 422 naming answer.text, 404 for an unknown question', async () => {
    const { joinCode } = await makeAssignment();
    const s = await joined(joinCode);
    const long = await put(s.attemptId, 'single-source', { answer: { text: 'x'.repeat(2001) }, seq: 1 }, s.cookie);
    expect(long.status).toBe(422);
    expect((await long.json()).error.field).toBe('answer.text');
    const wrongShape = await put(s.attemptId, 'main-source', { answer: { text: 'x' }, seq: 1 }, s.cookie);
    expect(wrongShape.status).toBe(422);
    const badSeq = await put(s.attemptId, 'main-source', { answer: { choice: [] }, seq: -1 }, s.cookie);
    expect((await badSeq.json()).error.field).toBe('seq');
    const unknown = await put(s.attemptId, 'no-such-question', { answer: { text: 'x' }, seq: 1 }, s.cookie);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.field).toBe('questionId');
    const big = await put(s.attemptId, 'single-source', { answer: { text: 'x'.repeat(70_000) }, seq: 1 }, s.cookie);
    expect(big.status).toBe(413);
  });
  it('409 once the assignment is closed', async () => {
    const { joinCode, assignment } = await makeAssignment();
    const s = await joined(joinCode);
    await setAssignment(assignment.id, { closedAt: new Date(Date.now() - 1000) });
    const res = await put(s.attemptId, 'main-source', { answer: { choice: ['tekushev'] }, seq: 1 }, s.cookie);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/closed/);
  });
});

describe('POST /api/attempts/{id}/submit', () => {
  it('is idempotent: parallel submits and retries create one submission; answers are read-only after', async () => {
    const { joinCode } = await makeAssignment({ feedbackMode: 'after-submit' });
    const s = await joined(joinCode);
    await put(s.attemptId, 'main-source', { answer: { choice: ['tekushev'] }, seq: 1 }, s.cookie);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, () => doSubmit(s.attemptId, key, s.cookie)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const bodies = await Promise.all(results.map((r) => r.json()));
    const submittedAt = new Set(bodies.map((b) => b.attempt.submittedAt));
    expect(submittedAt.size).toBe(1);
    expect(bodies[0].attempt.status).toBe('submitted');
    // A retry with another key changes nothing either.
    const again = await (await doSubmit(s.attemptId, randomUUID(), s.cookie)).json();
    expect(again.attempt.submittedAt).toBe(bodies[0].attempt.submittedAt);
    const db = await getDb();
    const [row] = await db.select().from(attempts).where(eq(attempts.id, s.attemptId));
    expect(row!.submitKey).toBe(key);
    const late = await put(s.attemptId, 'main-source', { answer: { choice: ['kavkaz'] }, seq: 2 }, s.cookie);
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toMatch(/submitted/);
    const view = await (await get(s.attemptId, s.cookie)).json();
    expect(view.answers['main-source'].answer).toEqual({ choice: ['tekushev'] });
  });
});

describe("authorization: only the attempt's own student (or its teacher, to read)", () => {
  it("another student's attempt id, no cookie, a bad id → 404 for GET, PUT, submit and check", async () => {
    const { joinCode } = await makeAssignment();
    const a = await joined(joinCode, 'Ana');
    const b = await joined(joinCode, 'Ben');
    for (const [id, cookie] of [
      [a.attemptId, b.cookie],
      [a.attemptId, undefined],
      [randomUUID(), a.cookie],
      ['not-a-uuid', a.cookie],
    ] as const) {
      expect((await get(id, cookie)).status).toBe(404);
      expect((await put(id, 'main-source', { answer: { choice: [] }, seq: 1 }, cookie)).status).toBe(404);
      expect((await doSubmit(id, 'k', cookie)).status).toBe(404);
      expect((await doCheck(id, 'main-source', cookie)).status).toBe(404);
    }
  });
  it('a teacher who does not own it gets 404; the owner may read (with grades) but not write', async () => {
    const own = await makeAssignment({ feedbackMode: 'when-returned' });
    const other = await makeAssignment();
    const s = await joined(own.joinCode);
    await put(s.attemptId, 'main-source', { answer: { choice: ['tekushev'] }, seq: 1 }, s.cookie);
    expect((await get(s.attemptId, other.teacherCookie)).status).toBe(404);
    expect((await put(s.attemptId, 'main-source', { answer: { choice: [] }, seq: 2 }, other.teacherCookie)).status).toBe(404);
    expect((await doSubmit(s.attemptId, 'k', other.teacherCookie)).status).toBe(404);
    const mine = await get(s.attemptId, own.teacherCookie);
    expect(mine.status).toBe(200);
    expect((await mine.json()).feedback['main-source'].score).toBe(1);
    expect((await put(s.attemptId, 'main-source', { answer: { choice: [] }, seq: 2 }, own.teacherCookie)).status).toBe(403);
  });
});

describe('feedback release through the API', () => {
  const KEY_WORDS = /score|Paragraph 1 says|feedback"/;
  it('immediate: feedback in GET and Check works on the stored answer', async () => {
    const { joinCode } = await makeAssignment({ feedbackMode: 'immediate' });
    const s = await joined(joinCode);
    expect((await doCheck(s.attemptId, 'main-source', s.cookie)).status).toBe(409);
    await put(s.attemptId, 'main-source', { answer: { choice: ['officials'] }, seq: 1 }, s.cookie);
    const c = await doCheck(s.attemptId, 'main-source', s.cookie);
    expect(c.status).toBe(200);
    expect(await c.json()).toMatchObject({ questionId: 'main-source', score: 0, seq: 1 });
    expect((await doCheck(s.attemptId, 'nope', s.cookie)).status).toBe(404);
    const view = await (await get(s.attemptId, s.cookie)).json();
    expect(view.feedback['main-source'].score).toBe(0);
  });
  it('after-submit: nothing from the key before submitting (GET, check); feedback after', async () => {
    const { joinCode } = await makeAssignment({ feedbackMode: 'after-submit' });
    const s = await joined(joinCode);
    const saved = await put(s.attemptId, 'main-source', { answer: { choice: ['tekushev'] }, seq: 1 }, s.cookie);
    expect(JSON.stringify(await saved.json())).not.toMatch(KEY_WORDS);
    const before = await (await get(s.attemptId, s.cookie)).text();
    expect(before).not.toMatch(KEY_WORDS);
    expect((await doCheck(s.attemptId, 'main-source', s.cookie)).status).toBe(403);
    const sub = await (await doSubmit(s.attemptId, 'k1', s.cookie)).json();
    expect(sub.feedback['main-source'].score).toBe(1);
  });
  it('when-returned: nothing after submitting; feedback with the teacher comment once returned', async () => {
    const { joinCode, assignment } = await makeAssignment({ feedbackMode: 'when-returned' });
    const s = await joined(joinCode);
    await put(s.attemptId, 'main-source', { answer: { choice: ['tekushev'] }, seq: 1 }, s.cookie);
    const sub = await doSubmit(s.attemptId, 'k1', s.cookie);
    const subText = await sub.text();
    expect(subText).not.toMatch(KEY_WORDS);
    expect(JSON.parse(subText).pendingFeedback).toMatch(/Your teacher will return feedback/);
    expect(await (await get(s.attemptId, s.cookie)).text()).not.toMatch(KEY_WORDS);
    const db = await getDb();
    await db.update(answers).set({ teacherGrade: { total: 0, comment: 'Look again at paragraph 1.' } }).where(eq(answers.attemptId, s.attemptId));
    await setAssignment(assignment.id, { returnedAt: new Date() });
    const after = await (await get(s.attemptId, s.cookie)).json();
    expect(after.feedback['main-source']).toMatchObject({ score: 0, teacherComment: 'Look again at paragraph 1.', teacherAdjusted: true });
  });
});
