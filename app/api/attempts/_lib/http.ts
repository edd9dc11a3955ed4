/**
 * Shared pieces of the students' JSON API route handlers: who is calling (from
 * the Cookie header), the one 404 for every attempt that is not the caller's,
 * rate-limit refusals, and the student session cookie on a response.
 */
import { jsonError } from '@/lib/http/json';
import { tooManyMessage } from '@/lib/classroom/limits';
import { STUDENT_COOKIE } from '@/lib/auth/cookies';
import { isHttpsRequest, sessionCookie } from '@/lib/classroom/cookies';
import { attemptAccess, viewerFromCookieHeader, type AttemptAccess } from '@/lib/db/attempts';

export const NO_STORE = { 'cache-control': 'no-store' } as const;

export function attemptNotFound(): Response {
  return jsonError(404, 'not_found', 'No such attempt. Open it again with your class code and resume code.');
}

/** The attempt if the caller may see it (its student, or with `teacher`, its class's teacher). */
export async function accessFor(req: Request, attemptId: string, opts: { teacher: boolean }): Promise<AttemptAccess | null> {
  const viewer = await viewerFromCookieHeader(req.headers.get('cookie'), opts);
  return attemptAccess(attemptId, viewer);
}

export function tooManyTries(retryAfter: number, what: string): Response {
  return jsonError(429, 'rate_limited', tooManyMessage(what, retryAfter), undefined, { 'retry-after': String(retryAfter) });
}

/** A JSON response that also signs the student in on this device. */
export function withStudentCookie(req: Request, body: unknown, status: number, token: string, expiresAt: Date): Response {
  const res = Response.json(body, { status, headers: NO_STORE });
  res.headers.append('set-cookie', sessionCookie(STUDENT_COOKIE, token, expiresAt, isHttpsRequest(req.headers, req.url)));
  return res;
}

export function submittedOrClosed(reason: 'submitted' | 'closed'): Response {
  return reason === 'submitted'
    ? jsonError(409, 'conflict', 'This work has been submitted, so answers can no longer be changed.')
    : jsonError(409, 'conflict', 'This assignment is closed to new answers.');
}
