import { withErrors, jsonError } from '@/lib/http/json';
import { checkStoredAnswer } from '@/lib/db/answers';
import { studentMayCheck } from '@/lib/classroom/release';
import { isClosed } from '@/lib/db/attempts';
import { accessFor, attemptNotFound, NO_STORE } from '../../../_lib/http';

/**
 * POST → the grade of the stored answer to one question (the "Check" button),
 * only where the feedback mode shows feedback while working (immediate).
 */
export const POST = withErrors(async (req: Request, ctx: RouteContext<'/api/attempts/[attemptId]/check/[questionId]'>) => {
  const { attemptId, questionId } = await ctx.params;
  const access = await accessFor(req, attemptId, { teacher: false });
  if (!access) return attemptNotFound();
  const { attempt, assignment } = access;
  if (!studentMayCheck({ mode: assignment.feedbackMode, submitted: attempt.status === 'submitted', closed: isClosed(assignment) }))
    return jsonError(403, 'forbidden', 'Feedback for this assignment is not shown while you work.');
  const out = await checkStoredAnswer(access, questionId);
  if (!out.ok)
    return out.reason === 'no_question'
      ? jsonError(404, 'not_found', 'This assignment has no such question.', 'questionId')
      : jsonError(409, 'conflict', 'Your answer has not been saved yet. Wait for "Saved", then check.', 'questionId');
  return Response.json({ ...out.grade, seq: out.seq }, { headers: NO_STORE });
});
