import 'server-only';
/**
 * Authorization entry points. Pages call requireTeacher() (redirects to sign
 * in); route handlers call teacherOrNull()/attemptSessionId() and answer 401.
 * Ownership is checked by lib/db/access.ts; anything not yours is a 404, so
 * ids of other people's data are indistinguishable from ids that do not exist.
 */
import { redirect } from 'next/navigation';
import { currentAttemptId, currentTeacherId } from './cookies';

export async function requireTeacher(next?: string): Promise<string> {
  const id = await currentTeacherId();
  if (!id) redirect(next ? `/signin?next=${encodeURIComponent(next)}` : '/signin');
  return id;
}

export const teacherOrNull = currentTeacherId;
export const attemptSessionId = currentAttemptId;
