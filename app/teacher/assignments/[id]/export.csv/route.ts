import { teacherOrNull } from '@/lib/auth/guards';
import { assignmentExport, csvStream } from '@/lib/db/export';
import { attachmentHeader } from '@/lib/classroom/csv';
import { jsonError, withErrors } from '@/lib/http/json';

/** GET → the assignment's grades as CSV (streamed). Not signed in → sign in; not the teacher's → 404. */
export const GET = withErrors(async (req: Request, ctx: RouteContext<'/teacher/assignments/[id]/export.csv'>) => {
  const { id } = await ctx.params;
  const teacherId = await teacherOrNull();
  if (!teacherId) return Response.redirect(new URL(`/signin?next=${encodeURIComponent(new URL(req.url).pathname)}`, req.url), 303);
  const exp = await assignmentExport(teacherId, id);
  if (!exp) return jsonError(404, 'not_found', 'No such assignment.');
  return new Response(csvStream(exp), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachmentHeader(exp.filename),
      'cache-control': 'no-store',
    },
  });
});
