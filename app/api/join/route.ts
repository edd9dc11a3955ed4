import { withErrors, jsonError, readJson } from '@/lib/http/json';
import { clientIp } from '@/lib/http/ip';
import { joinSchema } from '@/lib/validations/student';
import { joinWithLimits } from '@/lib/db/attempts';
import { JOIN_MESSAGES } from '@/lib/classroom/limits';
import { tooManyTries, withStudentCookie } from '../attempts/_lib/http';

/** POST {code, name} → 201 {attemptId, resumeCode, displayName, nameIndex} and the student's session cookie. */
export const POST = withErrors(async (req: Request) => {
  const body = await readJson(req, joinSchema);
  if (!body.ok) return body.response;
  const out = await joinWithLimits(clientIp(req.headers), body.data.code, body.data.name);
  if (!out.ok) {
    if (out.reason === 'rate_limited') return tooManyTries(out.retryAfter, out.what);
    if (out.reason === 'closed') return jsonError(409, 'conflict', JOIN_MESSAGES.closed, 'code');
    return jsonError(404, 'not_found', JOIN_MESSAGES.notFound, 'code');
  }
  return withStudentCookie(req, { attemptId: out.attemptId, resumeCode: out.resumeCode, displayName: out.displayName, nameIndex: out.nameIndex }, 201, out.token, out.expiresAt);
});
