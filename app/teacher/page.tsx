import type { Metadata } from 'next';
import Link from 'next/link';
import { requireTeacher } from '@/lib/auth/guards';
import { listClasses } from '@/lib/db/classes';
import { ClassNameForm } from '@/components/class-name-form';
import { createClassAction } from './classes/actions';

export const metadata: Metadata = { title: 'Classes' };

export default async function TeacherHome({ searchParams }: PageProps<'/teacher'>) {
  const teacherId = await requireTeacher('/teacher');
  const [classes, sp] = await Promise.all([listClasses(teacherId), searchParams]);
  return (
    <>
      <h1>Your classes</h1>
      {sp.deleted === '1' && (
        <p role="status" className="note">
          The class and all its students’ work were deleted.
        </p>
      )}
      {classes.length === 0 ? (
        <p>No classes yet. Create one below, then add an assignment and share its join code with your students.</p>
      ) : (
        <table className="teacher-table">
          <caption className="visually-hidden">Your classes</caption>
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">Assignments</th>
              <th scope="col">Students</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={`/teacher/classes/${c.id}`}>{c.name}</Link>
                </th>
                <td>{c.assignmentCount}</td>
                <td>{c.studentCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-class" className="teacher-panel">
        <h2 id="new-class">New class</h2>
        <ClassNameForm action={createClassAction} submitLabel="Create class" hint="For example “8B English” or “Media literacy, period 3”." />
      </section>
    </>
  );
}
