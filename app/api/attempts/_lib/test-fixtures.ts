/**
 * Test data for the students' API tests: a teacher, a class and an assignment
 * inserted directly (random ids and codes, so tests never assume an empty
 * database), plus helpers that call the route handlers with a cookie.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { assignments, classes, teachers } from '@/lib/db/schema';
import { createSession } from '@/lib/db/sessions';
import { newCode } from '@/lib/auth/tokens';
import { STUDENT_COOKIE, TEACHER_COOKIE } from '@/lib/auth/cookies';

export const EXERCISE_ID = 'kazakhstan-jihadist-movement';

export async function makeAssignment(opts: { feedbackMode?: 'immediate' | 'after-submit' | 'when-returned'; closed?: boolean } = {}) {
  const db = await getDb();
  const [teacher] = await db.insert(teachers).values({ email: `${randomUUID()}@x.test`, name: 'Ms T', passwordHash: 'x' }).returning();
  const [klass] = await db.insert(classes).values({ teacherId: teacher!.id, name: '8B' }).returning();
  const joinCode = newCode(6) + newCode(2);
  const [assignment] = await db
    .insert(assignments)
    .values({ classId: klass!.id, exerciseId: EXERCISE_ID, title: 'Who says so?', joinCode, feedbackMode: opts.feedbackMode ?? 'immediate', closedAt: opts.closed ? new Date(Date.now() - 1000) : null })
    .returning();
  const { token } = await createSession({ kind: 'teacher', teacherId: teacher!.id });
  return { teacher: teacher!, klass: klass!, assignment: assignment!, joinCode, teacherCookie: `${TEACHER_COOKIE}=${token}` };
}

export async function setAssignment(id: string, values: Partial<typeof assignments.$inferInsert>) {
  const db = await getDb();
  await db.update(assignments).set(values).where(eq(assignments.id, id));
}

let ipCounter = 0;
/** A fresh client address per test, so rate limits in one test do not affect another. */
export function freshIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 8) & 255}.${ipCounter & 255}.${Math.floor(Math.random() * 250) + 1}`;
}

export function jsonRequest(url: string, method: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The student cookie from a join/resume response, as a Cookie header value. */
export function cookieFrom(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const m = set.match(new RegExp(`${STUDENT_COOKIE}=([^;]+)`));
  if (!m) throw new Error(`no student cookie in ${set}`);
  return `${STUDENT_COOKIE}=${m[1]}`;
}
