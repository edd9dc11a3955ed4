import { withErrors, readJson } from '@/lib/http/json';
import { submitSchema } from '@/lib/validations/student';
import { submitAttempt } from '@/lib/db/attempts';
import { accessFor, attemptNotFound, NO_STORE, submittedOrClosed } from '../../_lib/http';

/** POST {idempotencyKey} → 200 with the submitted attempt. Retries and double clicks submit once. */
export const POST = withErrors(async (req: Request, ctx: RouteContext<'/api/attempts/[attemptId]/submit'>) => {
  const { attemptId } = await ctx.params;
  const access = await accessFor(req, attemptId, { teacher: false });
  if (!access) return attemptNotFound();
  const body = await readJson(req, submitSchema);
  if (!body.ok) return body.response;
  const out = await submitAttempt(access, body.data.idempotencyKey);
  if (!out.ok) return submittedOrClosed(out.reason);
  return Response.json(out.view, { headers: NO_STORE });
});
