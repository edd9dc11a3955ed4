import 'server-only';
/** Sessions in the database (teacher or student), so any app server can serve any request. */
import { and, eq, gt, lt } from 'drizzle-orm';
import { getDb } from './client';
import { sessions } from './schema';
import { hashToken, newToken } from '../auth/tokens';

export type SessionOwner = { kind: 'teacher'; teacherId: string } | { kind: 'student'; attemptId: string };

export const TEACHER_SESSION_DAYS = 14;
export const STUDENT_SESSION_DAYS = 180;

/** Create a session; returns the raw token for the cookie (only its hash is stored). */
export async function createSession(owner: SessionOwner): Promise<{ token: string; expiresAt: Date }> {
  const db = await getDb();
  const token = newToken();
  const days = owner.kind === 'teacher' ? TEACHER_SESSION_DAYS : STUDENT_SESSION_DAYS;
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db.insert(sessions).values({
    idHash: hashToken(token),
    teacherId: owner.kind === 'teacher' ? owner.teacherId : null,
    attemptId: owner.kind === 'student' ? owner.attemptId : null,
    expiresAt,
  });
  return { token, expiresAt };
}

export async function findSession(token: string): Promise<SessionOwner | null> {
  if (!token || token.length > 100) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.idHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  if (row.teacherId) return { kind: 'teacher', teacherId: row.teacherId };
  if (row.attemptId) return { kind: 'student', attemptId: row.attemptId };
  return null;
}

export async function deleteSession(token: string): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
}

export async function deleteExpiredSessions(): Promise<number> {
  const db = await getDb();
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, new Date())).returning({ id: sessions.idHash });
  return rows.length;
}
