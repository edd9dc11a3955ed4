import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/guards';
import { assignmentSummaryForTeacher, gridForTeacher } from '@/lib/db/review';
import { GridLive } from '@/components/grid-live';
import { ReviewReturn } from '@/components/review-return';
import { AssignmentFacts } from '@/components/review-facts';
import { returnGradesAction } from './review/actions';
import './review/teacher-review.css';

export async function generateMetadata({ params }: PageProps<'/teacher/assignments/[id]'>): Promise<Metadata> {
  const teacherId = await requireTeacher();
  const summary = await assignmentSummaryForTeacher(teacherId, (await params).id);
  return { title: summary?.title ?? 'Assignment' };
}

export default async function AssignmentPage({ params }: PageProps<'/teacher/assignments/[id]'>) {
  const { id } = await params;
  const teacherId = await requireTeacher(`/teacher/assignments/${id}`);
  const grid = await gridForTeacher(teacherId, id);
  if (!grid) notFound();
  const a = grid.assignment;
  return (
    <div className="assignment-page">
      <p className="breadcrumb">
        <Link href="/teacher">Your classes</Link> › <Link href={`/teacher/classes/${a.classId}`}>{a.className}</Link> › {a.title}
      </p>
      <h1>{a.title}</h1>
      <AssignmentFacts assignment={a} />

      <ul className="assignment-tools" aria-label="Assignment tools">
        <li>
          <Link href={`/teacher/assignments/${a.id}/analysis`}>Item analysis</Link>
        </li>
        <li>
          <a href={`/teacher/assignments/${a.id}/export.csv`} download>
            Export CSV
          </a>
        </li>
        <li>
          <Link href={`/teacher/assignments/${a.id}/preview`}>Preview as a student</Link>
        </li>
      </ul>

      <GridLive initial={grid} />

      <section aria-labelledby="return-title-section" className="review-panel">
        <h2 id="return-title-section">Return grades</h2>
        <ReviewReturn
          returnedAt={a.returnedAt}
          pendingReview={grid.summary.needReview}
          feedbackMode={a.feedbackMode}
          action={returnGradesAction.bind(null, a.id)}
        />
      </section>
    </div>
  );
}
