import { checkAnswer } from '@/lib/grading/check';
import { checkRequestSchema } from '@/lib/validations/check';
import { jsonError, readJson } from '@/lib/http/json';

/** POST {questionId, answer} → the grade for that answer (GradeResult). Grading happens here, on the server. */
export async function POST(req: Request, ctx: RouteContext<'/api/exercises/[id]/check'>) {
  const { id } = await ctx.params;
  const body = await readJson(req, checkRequestSchema);
  if (!body.ok) return body.response;
  const outcome = checkAnswer(id, body.data.questionId, body.data.answer);
  if (!outcome.ok)
    return outcome.missing === 'exercise'
      ? jsonError(404, 'not_found', `No exercise "${id}".`)
      : jsonError(404, 'not_found', `No question "${body.data.questionId}" in this exercise.`, 'questionId');
  return Response.json(outcome.result, { headers: { 'cache-control': 'no-store' } });
}
