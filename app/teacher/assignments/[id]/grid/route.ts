import { createHash } from 'node:crypto';
import { teacherOrNull } from '@/lib/auth/guards';
import { gridForTeacher } from '@/lib/db/review';
import { jsonError, withErrors } from '@/lib/http/json';

/**
 * GET → the results grid as JSON (the assignment page polls it every few
 * seconds). With an ETag: a poll sending If-None-Match for unchanged data gets
 * an empty 304. 401 signed out, 404 not the teacher's.
 */
export const GET = withErrors(async (req: Request, ctx: RouteContext<'/teacher/assignments/[id]/grid'>) => {
  const { id } = await ctx.params;
  const teacherId = await teacherOrNull();
  if (!teacherId) return jsonError(401, 'unauthorized', 'Sign in as a teacher.');
  const grid = await gridForTeacher(teacherId, id);
  if (!grid) return jsonError(404, 'not_found', 'No such assignment.');
  const body = JSON.stringify(grid);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { 'cache-control': 'private, no-cache', etag, vary: 'Cookie' };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, 'content-type': 'application/json' } });
});
