import { withErrors, jsonError, readJson } from '@/lib/http/json';
import { saveAnswerSchema } from '@/lib/validations/student';
import { saveAnswer } from '@/lib/db/answers';
import { studentSaveTarget } from '@/lib/db/attempts';
import { accessFor, attemptNotFound, NO_STORE, submittedOrClosed } from '../../../_lib/http';

/**
 * PUT {answer, seq} → 200 {seq, savedAt, applied}. A save with a seq not
 * higher than the stored one is not applied (applied: false, the stored seq
 * and time). Only the attempt's own student may save.
 */
export const PUT = withErrors(async (req: Request, ctx: RouteContext<'/api/attempts/[attemptId]/answers/[questionId]'>) => {
  const { attemptId, questionId } = await ctx.params;
  const target = await studentSaveTarget(req.headers.get('cookie'), attemptId);
  if (!target) {
    // Not this attempt's student: its own teacher may read it but not change it; anyone else sees nothing.
    const access = await accessFor(req, attemptId, { teacher: true });
    return access ? jsonError(403, 'forbidden', "Only the student can change this attempt's answers.") : attemptNotFound();
  }
  const body = await readJson(req, saveAnswerSchema);
  if (!body.ok) return body.response;
  const out = await saveAnswer(target, questionId, body.data.answer, body.data.seq);
  if (!out.ok) {
    if (out.reason === 'no_question') return jsonError(404, 'not_found', 'This assignment has no such question.', 'questionId');
    if (out.reason === 'invalid') return jsonError(422, 'invalid', out.message, out.field);
    return submittedOrClosed(out.reason);
  }
  return Response.json({ seq: out.seq, savedAt: out.savedAt.toISOString(), applied: out.applied }, { headers: NO_STORE });
});
