import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';

const auth = vi.hoisted(() => ({ teacherId: null as string | null }));
vi.mock('@/lib/auth/guards', () => ({ teacherOrNull: async () => auth.teacherId }));

import { GET } from './route';
import { GET as exportAssignment } from '../export.csv/route';
import { GET as exportClass } from '../../../classes/[id]/export.csv/route';
import { closeDb } from '@/lib/db/client';
import { makeAttempt, makeScenario, makeTeacher } from '@/lib/db/review.fixture';

afterAll(() => closeDb());
beforeEach(() => {
  auth.teacherId = null;
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe('GET /teacher/assignments/[id]/grid', () => {
  it('returns the grid as JSON to its teacher, with an ETag; unchanged data is a 304', async () => {
    const s = await makeScenario();
    auth.teacherId = s.teacher.id;
    const res = await GET(new Request('http://x/'), params(s.assignment.id));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('content-type')).toBe('application/json');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const body = await res.json();
    expect(body.summary).toEqual({ joined: 3, submitted: 2, needReview: 2 });
    expect(body.rows.map((r: { name: string }) => r.name)).toEqual(['Ana', 'Sam', 'Sam (2)']);
    const same = await GET(new Request('http://x/', { headers: { 'if-none-match': etag } }), params(s.assignment.id));
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    await makeAttempt(s.assignment.id, 'Newcomer');
    const changed = await GET(new Request('http://x/', { headers: { 'if-none-match': etag } }), params(s.assignment.id));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await changed.json()).summary.joined).toBe(4);
  });
  it('401 signed out, 404 for another teacher or an unknown id', async () => {
    const s = await makeScenario();
    expect((await GET(new Request('http://x/'), params(s.assignment.id))).status).toBe(401);
    auth.teacherId = (await makeTeacher()).id;
    const res = await GET(new Request('http://x/'), params(s.assignment.id));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    expect((await GET(new Request('http://x/'), params(randomUUID()))).status).toBe(404);
    expect((await GET(new Request('http://x/'), params('../etc'))).status).toBe(404);
  });
});

describe('GET export.csv (assignment and class)', () => {
  it('streams a CSV attachment to the owner', async () => {
    const s = await makeScenario();
    auth.teacherId = s.teacher.id;
    const res = await exportAssignment(new Request('http://x/'), params(s.assignment.id));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="period-3-who-says-so-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFFName,')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(text).toContain('\r\nSam (2),in progress,,0,');

    const cls = await exportClass(new Request('http://x/'), params(s.klass.id));
    expect(cls.status).toBe(200);
    const ctext = await cls.text();
    expect(ctext.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(ctext).toContain('\r\nWho says so?,Ana,submitted,');
  });
  it('redirects to sign in when signed out; 404 for another teacher', async () => {
    const s = await makeScenario();
    const out = await exportAssignment(new Request(`http://x/teacher/assignments/${s.assignment.id}/export.csv`), params(s.assignment.id));
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe(`http://x/signin?next=${encodeURIComponent(`/teacher/assignments/${s.assignment.id}/export.csv`)}`);
    auth.teacherId = (await makeTeacher()).id;
    expect((await exportAssignment(new Request('http://x/'), params(s.assignment.id))).status).toBe(404);
    expect((await exportClass(new Request('http://x/'), params(s.klass.id))).status).toBe(404);
    expect((await exportClass(new Request('http://x/'), params('x'))).status).toBe(404);
  });
});
