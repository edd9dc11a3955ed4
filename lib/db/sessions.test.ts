import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { getDb, closeDb } from './client';
import { teachers } from './schema';
import { createSession, deleteSession, findSession } from './sessions';
import { hitRateLimit, resetRateLimit } from './rate-limit';

afterAll(() => closeDb());

describe('sessions (database)', () => {
  it('creates, finds and deletes a teacher session by token; stores only a hash', async () => {
    const db = await getDb();
    const [t] = await db.insert(teachers).values({ email: `${randomUUID()}@x.test`, name: 'T', passwordHash: 'x' }).returning();
    const { token } = await createSession({ kind: 'teacher', teacherId: t!.id });
    expect(await findSession(token)).toEqual({ kind: 'teacher', teacherId: t!.id });
    const rows = await db.query.sessions.findMany();
    expect(rows.some((r) => r.idHash === token)).toBe(false);
    await deleteSession(token);
    expect(await findSession(token)).toBeNull();
    expect(await findSession('not-a-token')).toBeNull();
  });
});

describe('rate limits (database)', () => {
  it('allows up to the limit in a window, then refuses with Retry-After', async () => {
    const key = `test:${randomUUID()}`;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(key, 3, 60));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfter).toBeGreaterThan(0);
    expect(results[3]!.retryAfter).toBeLessThanOrEqual(60);
    await resetRateLimit(key);
    expect((await hitRateLimit(key, 3, 60)).allowed).toBe(true);
  });
  it('starts a new window when the old one has passed', async () => {
    const key = `test:${randomUUID()}`;
    expect((await hitRateLimit(key, 1, 1)).allowed).toBe(true);
    expect((await hitRateLimit(key, 1, 1)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await hitRateLimit(key, 1, 1)).allowed).toBe(true);
  });
});
