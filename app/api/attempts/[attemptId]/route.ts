import { withErrors } from '@/lib/http/json';
import { attemptView } from '@/lib/db/attempts';
import { accessFor, attemptNotFound, NO_STORE } from '../_lib/http';

/** GET → the attempt, its saved answers, and feedback once released (its student, or its class's teacher). */
export const GET = withErrors(async (req: Request, ctx: RouteContext<'/api/attempts/[attemptId]'>) => {
  const { attemptId } = await ctx.params;
  const access = await accessFor(req, attemptId, { teacher: true });
  if (!access) return attemptNotFound();
  return Response.json(await attemptView(access), { headers: NO_STORE });
});
