import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { closeDb, getDb } from './client';
import { answers, assignments } from './schema';
import { gridForTeacher, itemAnalysisForTeacher, parseResponseKey, responseKey, returnGrades, reviewPage, reviewQueue, saveReview } from './review';
import { answer, grade, makeAssignment, makeAttempt, makeClass, makeScenario, makeTeacher, SAMPLE } from './review.fixture';
import { reviewFormSchema } from '../validations/review';

afterAll(() => closeDb());

const form = (input: Record<string, unknown>) => reviewFormSchema.parse(input);

describe('fixture grades (the real engine)', () => {
  it('produces the flags the tests rely on', () => {
    expect(grade('single-source', SAMPLE.singleSourceKeywords)).toMatchObject({ score: 1, needsReview: true, reviewReasons: ['keyword-list'] });
    expect(grade('single-source', SAMPLE.singleSourceContradiction)).toMatchObject({ score: 0, needsReview: true, reviewReasons: ['contradiction'] });
    expect(grade('single-source', SAMPLE.singleSourceFull)).toMatchObject({ score: 2, needsReview: false, reviewReasons: [] });
    expect(grade('dozens', SAMPLE.dozensOffTopic)).toMatchObject({ score: 0, needsReview: false, reviewReasons: [] });
    expect(grade('main-source', SAMPLE.mainSourceRight).score).toBe(1);
  });
});

describe('results grid', () => {
  it('has one row per attempt with effective scores, markers, totals and a summary', async () => {
    const s = await makeScenario();
    const grid = await gridForTeacher(s.teacher.id, s.assignment.id);
    expect(grid).not.toBeNull();
    expect(grid!.assignment).toMatchObject({ id: s.assignment.id, title: 'Who says so?', className: 'Period 3', feedbackMode: 'when-returned', returnedAt: null });
    expect(grid!.assignment.exerciseTitle).toMatch(/Who says so/);
    expect(grid!.questions[0]).toMatchObject({ id: 'main-source', number: 1, kind: 'choice', maxScore: 1 });
    expect(grid!.rows.map((r) => r.name)).toEqual(['Ana', 'Sam', 'Sam (2)']);
    const sam = grid!.rows.find((r) => r.attemptId === s.sam.id)!;
    expect(sam.status).toBe('submitted');
    expect(sam.submittedAt).toMatch(/^\d{4}-/);
    expect(sam.cells['main-source']).toEqual({ score: 1, maxScore: 1, autoScore: 1, adjusted: false, needsReview: false });
    expect(sam.cells['single-source']).toMatchObject({ score: 1, maxScore: 2, needsReview: true });
    expect(sam.cells['who-says']).toBeUndefined();
    expect(sam).toMatchObject({ total: 2, autoTotal: 2, needsReview: 1, adjusted: false });
    expect(sam.maxTotal).toBeGreaterThan(20);
    const ana = grid!.rows.find((r) => r.attemptId === s.ana.id)!;
    expect(ana.cells['single-source']).toMatchObject({ score: 0, maxScore: 2, needsReview: true });
    expect(ana.cells['dozens']).toEqual({ score: 0, maxScore: 2, autoScore: 0, adjusted: false, needsReview: false });
    expect(ana).toMatchObject({ needsReview: 1 });
    expect(grid!.rows.find((r) => r.attemptId === s.sam2.id)!.status).toBe('in-progress');
    expect(grid!.summary).toEqual({ joined: 3, submitted: 2, needReview: 2 });
    // JSON round trip gives the same data (the polling route sends it as JSON).
    expect(JSON.parse(JSON.stringify(grid))).toEqual(grid);
  });
  it('is null for another teacher, an unknown id and a non-UUID', async () => {
    const s = await makeScenario();
    const other = await makeTeacher('Other');
    expect(await gridForTeacher(other.id, s.assignment.id)).toBeNull();
    expect(await gridForTeacher(s.teacher.id, randomUUID())).toBeNull();
    expect(await gridForTeacher(s.teacher.id, 'not-a-uuid')).toBeNull();
  });
});

describe('review queue', () => {
  it('puts flagged, unreviewed responses first, then text answers, then the rest', async () => {
    const s = await makeScenario();
    const q = (await reviewQueue(s.teacher.id, s.assignment.id))!;
    expect(q.map((e) => [e.group, e.name, e.questionId])).toEqual([
      [0, 'Ana', 'single-source'],
      [0, 'Sam', 'single-source'],
      [1, 'Sam (2)', 'single-source'],
      // An unflagged text answer (off-topic, 0) is still a text answer: group 1, after earlier questions.
      [1, 'Ana', 'dozens'],
      [2, 'Ana', 'main-source'],
      [2, 'Sam', 'main-source'],
      [2, 'Sam (2)', 'main-source'],
      [2, 'Ana', 'who-says'],
    ]);
    expect(await reviewQueue((await makeTeacher()).id, s.assignment.id)).toBeNull();
  });

  it('opens the first response, with position, neighbours and the data to review', async () => {
    const s = await makeScenario();
    const page = (await reviewPage(s.teacher.id, s.assignment.id))!;
    expect(page).toMatchObject({ total: 8, pending: 2, position: 1, prevKey: null, nextKey: responseKey(s.sam.id, 'single-source') });
    const item = page.item!;
    expect(item).toMatchObject({ studentName: 'Ana', questionId: 'single-source', questionNumber: 3, attemptStatus: 'submitted', teacher: null, changedSinceReview: false });
    expect(item.answer).toEqual(SAMPLE.singleSourceContradiction);
    expect(item.question).toMatchObject({ kind: 'text', prompt: expect.stringMatching(/one person's study/) });
    expect(item.question).not.toHaveProperty('criteria.0.match');
    expect(item.auto?.reviewReasons).toEqual(['contradiction']);
    expect(item.criteria.map((c) => [c.id, c.autoScore, c.maxScore])).toEqual([
      ['names-source', 0, 1],
      ['reason', 0, 1],
    ]);
    expect(item.effective).toMatchObject({ score: 0, maxScore: 2, needsReview: true, text: '0/2' });

    const second = (await reviewPage(s.teacher.id, s.assignment.id, responseKey(s.sam.id, 'single-source')))!;
    expect(second).toMatchObject({ position: 2, prevKey: responseKey(s.ana.id, 'single-source') });
    expect(second.item!.criteria[0]!.evidence).toEqual([{ start: 0, end: 8 }]);
  });

  it('404s (null) for keys of other assignments, other teachers and garbage', async () => {
    const s = await makeScenario();
    const t = await makeScenario();
    expect(await reviewPage(s.teacher.id, s.assignment.id, responseKey(t.sam.id, 'single-source'))).toBeNull();
    expect(await reviewPage(t.teacher.id, s.assignment.id)).toBeNull();
    expect(await reviewPage(s.teacher.id, s.assignment.id, responseKey(s.sam.id, 'who-says'))).toBeNull();
    expect(await reviewPage(s.teacher.id, s.assignment.id, 'garbage')).toBeNull();
    expect(parseResponseKey(`${s.sam.id}:single-source`)).toEqual({ attemptId: s.sam.id, questionId: 'single-source' });
    expect(parseResponseKey('x:y')).toBeNull();
    expect(parseResponseKey(`${s.sam.id}:Bad Id`)).toBeNull();
  });

  it('shows an empty queue for an assignment without answers', async () => {
    const t = await makeTeacher();
    const a = await makeAssignment((await makeClass(t.id)).id);
    expect(await reviewPage(t.id, a.id)).toMatchObject({ total: 0, position: 0, item: null });
  });
});

describe('saving a review', () => {
  it('stores criterion scores, total and comment beside the automatic grade; the teacher wins', async () => {
    const s = await makeScenario();
    const base = { assignmentId: s.assignment.id, attemptId: s.sam.id, questionId: 'single-source' };
    const r = await saveReview(s.teacher.id, form({ ...base, criteria: { 'names-source': 'auto', reason: '1' }, total: '', comment: 'Good idea, explain more.' }));
    expect(r).toMatchObject({ ok: true, cleared: false, effective: 'auto 1/2 → teacher 2/2' });
    const db = await getDb();
    const [row] = await db.select().from(answers).where(and(eq(answers.attemptId, s.sam.id), eq(answers.questionId, 'single-source')));
    expect(row!.teacherGrade).toEqual({ criteria: { reason: 1 }, comment: 'Good idea, explain more.' });
    expect(row!.teacherUpdatedAt).toBeInstanceOf(Date);
    expect(row!.autoGrade).toMatchObject({ score: 1, needsReview: true });

    // Reviewed: no longer first in the queue, no longer counted as needing review; adjusted in the grid.
    const q = (await reviewQueue(s.teacher.id, s.assignment.id))!;
    expect(q.find((e) => e.attemptId === s.sam.id && e.questionId === 'single-source')).toMatchObject({ group: 1, reviewed: true });
    const grid = (await gridForTeacher(s.teacher.id, s.assignment.id))!;
    const cell = grid.rows.find((x) => x.attemptId === s.sam.id)!.cells['single-source']!;
    expect(cell).toMatchObject({ score: 2, autoScore: 1, adjusted: true, needsReview: false });
    expect(grid.summary.needReview).toBe(1);

    // A total override wins; saving with everything automatic keeps "reviewed" without adjusting.
    expect(await saveReview(s.teacher.id, form({ ...base, criteria: { reason: '1' }, total: '0' }))).toMatchObject({ ok: true, effective: 'auto 1/2 → teacher 0/2' });
    expect(await saveReview(s.teacher.id, form({ ...base, criteria: { reason: 'auto' }, total: '' }))).toMatchObject({ ok: true, effective: '1/2' });
    const page = (await reviewPage(s.teacher.id, s.assignment.id, responseKey(s.sam.id, 'single-source')))!;
    expect(page.item).toMatchObject({ teacher: {}, effective: { needsReview: false, adjusted: false } });
  });

  it('rejects out-of-range values with field errors and saves nothing', async () => {
    const s = await makeScenario();
    const base = { assignmentId: s.assignment.id, attemptId: s.sam.id, questionId: 'single-source' };
    expect(await saveReview(s.teacher.id, form({ ...base, total: '3' }))).toEqual({ ok: false, fieldErrors: { total: 'The total must be from 0 to 2.' } });
    const bad = await saveReview(s.teacher.id, form({ ...base, criteria: { reason: '2', nope: '1' } }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { 'criteria.reason': expect.stringMatching(/0 to 1/), 'criteria.nope': expect.any(String) } });
    // Criteria on a choice question are refused too.
    const choice = await saveReview(s.teacher.id, form({ ...base, questionId: 'main-source', criteria: { reason: '1' } }));
    expect(choice).toMatchObject({ ok: false, fieldErrors: { 'criteria.reason': expect.any(String) } });
    const db = await getDb();
    const [row] = await db.select().from(answers).where(and(eq(answers.attemptId, s.sam.id), eq(answers.questionId, 'single-source')));
    expect(row!.teacherGrade).toBeNull();
    // The form schema catches what is not a number or too long.
    expect(reviewFormSchema.safeParse({ ...base, total: '1.5' }).success).toBe(false);
    expect(reviewFormSchema.safeParse({ ...base, comment: 'x'.repeat(2001) }).success).toBe(false);
  });

  it('clears an override: back to the automatic grade and back in the review queue', async () => {
    const s = await makeScenario();
    const base = { assignmentId: s.assignment.id, attemptId: s.sam.id, questionId: 'single-source' };
    await saveReview(s.teacher.id, form({ ...base, total: '2' }));
    expect(await saveReview(s.teacher.id, form({ ...base, intent: 'clear' }))).toMatchObject({ ok: true, cleared: true, effective: '1/2', savedAt: null });
    const q = (await reviewQueue(s.teacher.id, s.assignment.id))!;
    expect(q.find((e) => e.attemptId === s.sam.id && e.questionId === 'single-source')!.group).toBe(0);
  });

  it('treats a review as stale when the student changed the answer afterwards', async () => {
    const s = await makeScenario();
    const base = { assignmentId: s.assignment.id, attemptId: s.sam.id, questionId: 'single-source' };
    await saveReview(s.teacher.id, form({ ...base, total: '2' }));
    const db = await getDb();
    await db
      .update(answers)
      .set({ savedAt: sql`now() + interval '1 second'` })
      .where(and(eq(answers.attemptId, s.sam.id), eq(answers.questionId, 'single-source')));
    const q = (await reviewQueue(s.teacher.id, s.assignment.id))!;
    expect(q.find((e) => e.attemptId === s.sam.id && e.questionId === 'single-source')).toMatchObject({ group: 0, reviewed: false });
    const page = (await reviewPage(s.teacher.id, s.assignment.id, responseKey(s.sam.id, 'single-source')))!;
    expect(page.item).toMatchObject({ attemptId: s.sam.id, changedSinceReview: true, effective: { score: 2, needsReview: true } });
  });

  it('is not found for another teacher, another assignment’s attempt or a missing response', async () => {
    const s = await makeScenario();
    const t = await makeScenario();
    const base = { assignmentId: s.assignment.id, attemptId: s.sam.id, questionId: 'single-source', total: '2' };
    expect(await saveReview(t.teacher.id, form(base))).toEqual({ ok: false, notFound: true });
    // Own assignment id, but the attempt belongs to the other teacher's assignment.
    expect(await saveReview(s.teacher.id, form({ ...base, attemptId: t.sam.id }))).toEqual({ ok: false, notFound: true });
    // The other teacher using their own assignment id with this teacher's attempt.
    expect(await saveReview(t.teacher.id, form({ ...base, assignmentId: t.assignment.id }))).toEqual({ ok: false, notFound: true });
    expect(await saveReview(s.teacher.id, form({ ...base, questionId: 'who-says' }))).toEqual({ ok: false, notFound: true });
    expect(await saveReview(s.teacher.id, form({ ...base, questionId: 'no-such-question' }))).toEqual({ ok: false, notFound: true });
    const db = await getDb();
    const [row] = await db.select().from(answers).where(and(eq(answers.attemptId, s.sam.id), eq(answers.questionId, 'single-source')));
    expect(row!.teacherGrade).toBeNull();
  });
});

describe('returning grades', () => {
  it('sets returned_at for the owner only, and can be done again', async () => {
    const s = await makeScenario();
    const other = await makeTeacher();
    expect(await returnGrades(other.id, s.assignment.id)).toBeNull();
    const db = await getDb();
    const read = async () => (await db.select().from(assignments).where(eq(assignments.id, s.assignment.id)))[0]!.returnedAt;
    expect(await read()).toBeNull();
    const at = await returnGrades(s.teacher.id, s.assignment.id);
    expect(at).toBeInstanceOf(Date);
    expect((await read())!.getTime()).toBe(at!.getTime());
    expect((await gridForTeacher(s.teacher.id, s.assignment.id))!.assignment.returnedAt).toBe(at!.toISOString());
    const again = await returnGrades(s.teacher.id, s.assignment.id);
    expect(again!.getTime()).toBeGreaterThanOrEqual(at!.getTime());
  });
});

describe('item analysis (database)', () => {
  it('analyses every response, across batches, with teacher overrides', async () => {
    const s = await makeScenario();
    await saveReview(s.teacher.id, form({ assignmentId: s.assignment.id, attemptId: s.ana.id, questionId: 'main-source', total: '0' }));
    const extra = await makeAttempt(s.assignment.id, 'Zoë');
    await answer(extra.id, 'main-source', SAMPLE.mainSourceWrong);
    await answer(extra.id, 'other-sources', SAMPLE.otherSourcesMixed);
    const page = (await itemAnalysisForTeacher(s.teacher.id, s.assignment.id, 2))!;
    expect(page.students).toBe(4);
    const main = page.questions.find((q) => q.questionId === 'main-source')!;
    expect(main).toMatchObject({ answered: 4, average: 0.25, averagePercent: 25 });
    expect(main.wrongChoices).toEqual([{ id: 'officials', text: expect.stringMatching(/officials/i), count: 2 }]);
    const other = page.questions.find((q) => q.questionId === 'other-sources')!;
    expect(other.wrongChoices).toEqual([{ id: 'un', text: 'A United Nations report', count: 1 }]);
    const single = page.questions.find((q) => q.questionId === 'single-source')!;
    expect(single.answered).toBe(3);
    expect(single.missedCriteria!.map((c) => [c.id, c.missed])).toEqual([
      ['reason', 2],
      ['names-source', 1],
    ]);
    const who = page.questions.find((q) => q.questionId === 'who-says')!;
    expect(who.wrongCategories).toEqual([
      { itemId: 'radicals-200', itemText: expect.any(String), wrongCount: 1, wrong: [{ categoryId: 'tekushev', label: expect.stringMatching(/Tekushev/), count: 1 }] },
    ]);
    expect(await itemAnalysisForTeacher((await makeTeacher()).id, s.assignment.id)).toBeNull();
  });
});
