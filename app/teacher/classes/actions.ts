'use server';
/**
 * Server actions for classes and assignments. Each one checks the session
 * (layouts do not protect actions), reads the form, and calls lib/db, which
 * checks ownership: another teacher's ids are "not found".
 */
import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/guards';
import { createClass, deleteClass, renameClass, type Mutation } from '@/lib/db/classes';
import { createAssignment, deleteAssignment, setAssignmentClosed, updateAssignment } from '@/lib/db/assignments';
import { assignmentForTeacher } from '@/lib/db/access';
import { formValues, type FormState } from '@/lib/validations/teacher';

const ASSIGNMENT_FIELDS = ['exerciseId', 'title', 'dueAt', 'tz', 'feedbackMode'] as const;

function toState(r: Mutation, prev: FormState, values: Record<string, string>, okMessage?: string): FormState {
  const n = (prev.n ?? 0) + 1;
  if (r.ok) return { ok: true, n, message: okMessage };
  if (r.reason === 'not-found') notFound();
  return { ok: false, n, values, errors: r.errors };
}

export async function createClassAction(prev: FormState, form: FormData): Promise<FormState> {
  const teacherId = await requireTeacher('/teacher');
  const values = formValues(form, ['name']);
  const r = await createClass(teacherId, values);
  if (!r.ok) return toState(r, prev, values);
  revalidatePath('/teacher');
  redirect(`/teacher/classes/${r.id}`);
}

export async function renameClassAction(classId: string, prev: FormState, form: FormData): Promise<FormState> {
  const teacherId = await requireTeacher();
  const values = formValues(form, ['name']);
  const r = await renameClass(teacherId, classId, values);
  if (r.ok) revalidatePath('/teacher', 'layout');
  return toState(r, prev, values, 'Class renamed.');
}

export async function deleteClassAction(classId: string): Promise<void> {
  const teacherId = await requireTeacher();
  if (!(await deleteClass(teacherId, classId))) notFound();
  revalidatePath('/teacher', 'layout');
  redirect('/teacher?deleted=1');
}

export async function createAssignmentAction(classId: string, prev: FormState, form: FormData): Promise<FormState> {
  const teacherId = await requireTeacher();
  const values = formValues(form, ASSIGNMENT_FIELDS);
  const r = await createAssignment(teacherId, classId, values);
  if (!r.ok) return toState(r, prev, values);
  revalidatePath(`/teacher/classes/${classId}`);
  redirect(`/teacher/classes/${classId}?created=${r.id}#assignment-${r.id}`);
}

export async function updateAssignmentAction(assignmentId: string, prev: FormState, form: FormData): Promise<FormState> {
  const teacherId = await requireTeacher();
  const values = formValues(form, ASSIGNMENT_FIELDS);
  const r = await updateAssignment(teacherId, assignmentId, values);
  if (!r.ok) return toState(r, prev, values);
  const found = await assignmentForTeacher(teacherId, assignmentId);
  if (!found) notFound();
  revalidatePath(`/teacher/classes/${found.class.id}`);
  redirect(`/teacher/classes/${found.class.id}#assignment-${assignmentId}`);
}

async function setClosed(assignmentId: string, closed: boolean): Promise<void> {
  const teacherId = await requireTeacher();
  const found = await assignmentForTeacher(teacherId, assignmentId);
  if (!found || !(await setAssignmentClosed(teacherId, assignmentId, closed))) notFound();
  revalidatePath(`/teacher/classes/${found.class.id}`);
  revalidatePath(`/teacher/assignments/${assignmentId}`);
}

export async function closeAssignmentAction(assignmentId: string): Promise<void> {
  await setClosed(assignmentId, true);
}

export async function reopenAssignmentAction(assignmentId: string): Promise<void> {
  await setClosed(assignmentId, false);
}

export async function deleteAssignmentAction(assignmentId: string): Promise<void> {
  const teacherId = await requireTeacher();
  const found = await assignmentForTeacher(teacherId, assignmentId);
  if (!found || !(await deleteAssignment(teacherId, assignmentId))) notFound();
  revalidatePath(`/teacher/classes/${found.class.id}`);
  redirect(`/teacher/classes/${found.class.id}?deletedAssignment=1`);
}
