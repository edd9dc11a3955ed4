import { withErrors, jsonError, readJson } from '@/lib/http/json';
import { clientIp } from '@/lib/http/ip';
import { resumeSchema } from '@/lib/validations/student';
import { resumeWithLimits } from '@/lib/db/attempts';
import { RESUME_MISS_MESSAGE } from '@/lib/classroom/limits';
import { tooManyTries, withStudentCookie } from '../attempts/_lib/http';

/** POST {code, resumeCode} → 200 {attemptId} and the student's session cookie on this device. */
export const POST = withErrors(async (req: Request) => {
  const body = await readJson(req, resumeSchema);
  if (!body.ok) return body.response;
  const out = await resumeWithLimits(clientIp(req.headers), body.data.code, body.data.resumeCode);
  if (!out.ok) return out.reason === 'rate_limited' ? tooManyTries(out.retryAfter, out.what) : jsonError(404, 'not_found', RESUME_MISS_MESSAGE, 'resumeCode');
  return withStudentCookie(req, { attemptId: out.attemptId }, 200, out.token, out.expiresAt);
});
