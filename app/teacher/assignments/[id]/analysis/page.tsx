import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/guards';
import { itemAnalysisForTeacher } from '@/lib/db/review';
import { AnalysisQuestion } from '@/components/analysis-question';
import '../review/teacher-review.css';

export const metadata: Metadata = { title: 'Item analysis' };

export default async function AnalysisPage({ params }: PageProps<'/teacher/assignments/[id]/analysis'>) {
  const { id } = await params;
  const teacherId = await requireTeacher(`/teacher/assignments/${id}/analysis`);
  const page = await itemAnalysisForTeacher(teacherId, id);
  if (!page) notFound();
  const a = page.assignment;
  return (
    <div className="analysis-page">
      <p className="breadcrumb">
        <Link href="/teacher">Your classes</Link> › <Link href={`/teacher/classes/${a.classId}`}>{a.className}</Link> ›{' '}
        <Link href={`/teacher/assignments/${a.id}`}>{a.title}</Link> › Item analysis
      </p>
      <h1>Item analysis: {a.title}</h1>
      <p>
        {page.students} {page.students === 1 ? 'student has' : 'students have'} joined. Scores include your changes; averages count only students who
        answered the question.
      </p>
      {page.questions.map((q) => (
        <AnalysisQuestion key={q.questionId} q={q} />
      ))}
    </div>
  );
}
