import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/guards';
import { classForTeacher } from '@/lib/db/access';
import { exerciseChoices, listAssignments } from '@/lib/db/assignments';
import { ClassNameForm } from '@/components/class-name-form';
import { ClassAssignmentForm } from '@/components/class-assignment-form';
import { ClassAssignmentCard } from '@/components/class-assignment-card';
import { closeAssignmentAction, createAssignmentAction, renameClassAction, reopenAssignmentAction } from '../actions';

export async function generateMetadata({ params }: PageProps<'/teacher/classes/[id]'>): Promise<Metadata> {
  const teacherId = await requireTeacher();
  const cls = await classForTeacher(teacherId, (await params).id);
  return { title: cls?.name ?? 'Class' };
}

export default async function ClassPage({ params, searchParams }: PageProps<'/teacher/classes/[id]'>) {
  const { id } = await params;
  const teacherId = await requireTeacher(`/teacher/classes/${id}`);
  const cls = await classForTeacher(teacherId, id);
  if (!cls) notFound();
  const [assignments, sp] = await Promise.all([listAssignments(teacherId, cls.id), searchParams]);
  const created = typeof sp.created === 'string' ? sp.created : undefined;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/teacher">Your classes</Link> › {cls.name}
      </p>
      <h1>{cls.name}</h1>
      {sp.deletedAssignment === '1' && (
        <p role="status" className="note">
          The assignment and its students’ work were deleted.
        </p>
      )}

      <section aria-labelledby="assignments">
        <h2 id="assignments">Assignments</h2>
        {assignments.length === 0 ? (
          <p>No assignments yet. Add one below: students join it with its code, no accounts needed.</p>
        ) : (
          <ul className="assignment-list">
            {assignments.map((a) => (
              <ClassAssignmentCard
                key={a.id}
                assignment={a}
                justCreated={a.id === created}
                closeAction={closeAssignmentAction.bind(null, a.id)}
                reopenAction={reopenAssignmentAction.bind(null, a.id)}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="new-assignment" className="teacher-panel">
        <h2 id="new-assignment">New assignment</h2>
        <ClassAssignmentForm action={createAssignmentAction.bind(null, cls.id)} exercises={exerciseChoices()} submitLabel="Create assignment" />
      </section>

      <section aria-labelledby="class-settings" className="teacher-panel">
        <h2 id="class-settings">Class settings</h2>
        <h3>Rename</h3>
        <ClassNameForm action={renameClassAction.bind(null, cls.id)} submitLabel="Rename class" defaultName={cls.name} label="New name" />
        <h3>Delete</h3>
        <p>Deleting the class removes all its assignments and every student’s work. You can download the results first.</p>
        <p>
          <Link href={`/teacher/classes/${cls.id}/delete`} className="btn btn--danger">
            Delete this class…
          </Link>
        </p>
      </section>
    </>
  );
}
