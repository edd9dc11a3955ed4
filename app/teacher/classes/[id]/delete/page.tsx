import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/guards';
import { classDeletionSummary, describeDeletion } from '@/lib/db/classes';
import { deleteClassAction } from '../../actions';

export const metadata: Metadata = { title: 'Delete class' };

/** The confirmation step before deleting a class: download first, then say exactly what goes. */
export default async function DeleteClassPage({ params }: PageProps<'/teacher/classes/[id]/delete'>) {
  const { id } = await params;
  const teacherId = await requireTeacher(`/teacher/classes/${id}/delete`);
  const summary = await classDeletionSummary(teacherId, id);
  if (!summary) notFound();
  const what = describeDeletion(summary);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/teacher">Your classes</Link> › <Link href={`/teacher/classes/${summary.id}`}>{summary.name}</Link> › Delete
      </p>
      <h1>Delete “{summary.name}”?</h1>
      <section aria-labelledby="download-first" className="teacher-panel">
        <h2 id="download-first">1. Download the results first</h2>
        {summary.assignments.length === 0 ? (
          <p>This class has no assignments, so there is nothing to download.</p>
        ) : (
          <>
            <p>Once the class is deleted, its results cannot be recovered. Spreadsheet files (CSV):</p>
            <ul>
              <li>
                <a href={`/teacher/classes/${summary.id}/export.csv`} download>
                  All assignments of this class (CSV)
                </a>
              </li>
              {summary.assignments.map((a) => (
                <li key={a.id}>
                  <a href={`/teacher/assignments/${a.id}/export.csv`} download>
                    {a.title} (CSV)
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="confirm-delete" className="teacher-panel teacher-panel--danger">
        <h2 id="confirm-delete">2. Delete</h2>
        <p>
          This deletes <strong>{what}</strong>, permanently. Join codes stop working and students can no longer open their answers. It cannot be undone.
        </p>
        <form action={deleteClassAction.bind(null, summary.id)} className="dialog-actions dialog-actions--start">
          <Link href={`/teacher/classes/${summary.id}`} className="btn btn--ghost">
            Keep the class
          </Link>
          <button type="submit" className="btn btn--danger">
            Delete “{summary.name}” permanently
          </button>
        </form>
      </section>
    </>
  );
}
