'use server';
import { revalidatePath } from 'next/cache';
import { teacherOrNull } from '@/lib/auth/guards';
import { isDbUnavailable } from '@/lib/db/errors';
import { returnGrades, saveReview } from '@/lib/db/review';
import { fieldErrors, reviewFormSchema, reviewFormValues } from '@/lib/validations/review';
import { isUuid } from '@/lib/db/access';
import type { ReviewActionState } from '@/components/review-form';
import type { ReturnActionState } from '@/components/review-return';

const SIGNED_OUT = 'Your session has ended. Sign in again in another tab, then save again: your changes are still here.';
const DB_DOWN = 'The database is not reachable right now. Your changes are still here; try again in a moment.';

/** Save or clear the teacher's grade for one response (validated with the shared schema; ownership checked in lib/db/review). */
export async function saveReviewAction(fd: FormData): Promise<ReviewActionState> {
  const teacherId = await teacherOrNull();
  if (!teacherId) return { ok: false, message: SIGNED_OUT };
  const parsed = reviewFormSchema.safeParse(reviewFormValues(fd));
  if (!parsed.success) return { ok: false, message: 'Check the marked fields.', fieldErrors: fieldErrors(parsed.error) };
  try {
    const r = await saveReview(teacherId, parsed.data);
    if (!r.ok) {
      if (r.notFound) return { ok: false, message: 'This answer no longer exists (or is not in your classes).' };
      return { ok: false, message: 'Check the marked fields.', fieldErrors: r.fieldErrors };
    }
    revalidatePath(`/teacher/assignments/${parsed.data.assignmentId}`, 'layout');
    return r.cleared
      ? { ok: true, message: 'Your review was cleared: the automatic grade counts again.', savedAt: null, effective: r.effective, cleared: true }
      : { ok: true, message: 'Saved.', savedAt: r.savedAt, effective: r.effective, cleared: false };
  } catch (e) {
    if (isDbUnavailable(e)) return { ok: false, message: DB_DOWN };
    throw e;
  }
}

/** Return grades: sets returned_at = now() on the teacher's own assignment. */
export async function returnGradesAction(assignmentId: string): Promise<ReturnActionState> {
  const teacherId = await teacherOrNull();
  if (!teacherId) return { ok: false, message: 'Your session has ended. Sign in again, then return the grades.' };
  if (typeof assignmentId !== 'string' || !isUuid(assignmentId)) return { ok: false, message: 'No such assignment.' };
  try {
    const at = await returnGrades(teacherId, assignmentId);
    if (!at) return { ok: false, message: 'No such assignment.' };
    revalidatePath(`/teacher/assignments/${assignmentId}`, 'layout');
    return { ok: true, returnedAt: at.toISOString() };
  } catch (e) {
    if (isDbUnavailable(e)) return { ok: false, message: DB_DOWN };
    throw e;
  }
}
