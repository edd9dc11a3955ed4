import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/guards';
import { assignmentForTeacher } from '@/lib/db/access';
import { ClassAssignmentForm } from '@/components/class-assignment-form';
import { deleteAssignmentAction, updateAssignmentAction } from '../../../../actions';

export const metadata: Metadata = { title: 'Edit assignment' };

export default async function EditAssignmentPage({ params }: PageProps<'/teacher/classes/[id]/assignments/[assignmentId]/edit'>) {
  const { id, assignmentId } = await params;
  const teacherId = await requireTeacher(`/teacher/classes/${id}/assignments/${assignmentId}/edit`);
  const found = await assignmentForTeacher(teacherId, assignmentId);
  if (!found || found.class.id !== id) notFound();
  const { assignment: a, class: cls } = found;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/teacher">Your classes</Link> › <Link href={`/teacher/classes/${cls.id}`}>{cls.name}</Link> › Edit assignment
      </p>
      <h1>Edit “{a.title}”</h1>
      <p>
        Join code <strong className="join-code--inline">{a.joinCode}</strong> stays the same. The exercise cannot be changed once created, because students’ answers
        belong to its questions; make a new assignment instead.
      </p>
      <section aria-labelledby="edit" className="teacher-panel">
        <h2 id="edit">Title, due date and feedback</h2>
        <ClassAssignmentForm
          action={updateAssignmentAction.bind(null, a.id)}
          defaults={{ title: a.title, dueAt: a.dueAt?.toISOString() ?? null, feedbackMode: a.feedbackMode }}
          submitLabel="Save changes"
        />
      </section>
      <section aria-labelledby="delete" className="teacher-panel teacher-panel--danger">
        <h2 id="delete">Delete this assignment</h2>
        <p>
          This deletes the assignment and every student’s answers to it, permanently.{' '}
          <a href={`/teacher/assignments/${a.id}/export.csv`} download>
            Download the results (CSV)
          </a>{' '}
          first if you need them.
        </p>
        <details className="confirm-details">
          <summary>Delete “{a.title}”…</summary>
          <p>Are you sure? It cannot be undone.</p>
          <form action={deleteAssignmentAction.bind(null, a.id)}>
            <button type="submit" className="btn btn--danger">
              Yes, delete the assignment and its answers
            </button>
          </form>
        </details>
      </section>
    </>
  );
}
