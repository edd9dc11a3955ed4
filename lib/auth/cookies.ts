import 'server-only';
/**
 * The session cookie: HTTP-only, SameSite=Lax, Secure when the request came
 * over https (directly or via a proxy's x-forwarded-proto). One cookie name for
 * teachers and one for students, so a teacher can preview as a student in the
 * same browser without losing their session.
 */
import { cookies, headers } from 'next/headers';
import { findSession, type SessionOwner } from '../db/sessions';

export const TEACHER_COOKIE = 'cr_teacher';
export const STUDENT_COOKIE = 'cr_student';

async function isHttps(): Promise<boolean> {
  const h = await headers();
  const proto = h.get('x-forwarded-proto') ?? '';
  return proto.split(',')[0]?.trim() === 'https' || (process.env.PUBLIC_URL ?? '').startsWith('https://');
}

export async function setSessionCookie(name: string, token: string, expiresAt: Date): Promise<void> {
  const jar = await cookies();
  jar.set(name, token, { httpOnly: true, sameSite: 'lax', secure: await isHttps(), path: '/', expires: expiresAt });
}

export async function clearSessionCookie(name: string): Promise<void> {
  const jar = await cookies();
  jar.delete(name);
}

export async function readSessionToken(name: string): Promise<string | undefined> {
  return (await cookies()).get(name)?.value;
}

/** The signed-in teacher's id, or null. */
export async function currentTeacherId(): Promise<string | null> {
  const token = await readSessionToken(TEACHER_COOKIE);
  const s = token ? await findSession(token) : null;
  return s?.kind === 'teacher' ? s.teacherId : null;
}

/** The student's attempt id from their cookie, or null. */
export async function currentAttemptId(): Promise<string | null> {
  const token = await readSessionToken(STUDENT_COOKIE);
  const s: SessionOwner | null = token ? await findSession(token) : null;
  return s?.kind === 'student' ? s.attemptId : null;
}
