import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { attemptPageForStudent } from '@/lib/db/attempts';
import { ReaderLayout } from '@/components/reader-layout';
import { ClassroomAttemptProvider } from '@/components/classroom-attempt-provider';
import { ClassroomExercise } from '@/components/classroom-exercise';
import { ClassroomSaveStatus, ClassroomSubmit } from '@/components/classroom-submit';
import { feedbackModeSentence } from '@/lib/classroom/release';
import '../classroom.css';

export const metadata: Metadata = { title: 'Your work', robots: { index: false } };

/** A student's assignment: the article and questions as in the reader, saved to the class as they type. */
export default async function AttemptPage({ params }: PageProps<'/attempts/[attemptId]'>) {
  const { attemptId } = await params;
  const data = await attemptPageForStudent(attemptId);
  if (!data) notFound();
  const { view, exercise, article } = data;
  const questionCount = exercise.sections.reduce((t, s) => t + s.questions.length, 0);
  const due = view.assignment.dueAt ? new Date(view.assignment.dueAt) : null;
  return (
    <ClassroomAttemptProvider attemptId={view.attempt.id} exerciseId={exercise.id} initial={view}>
      <div className="classroom-banner">
        <span>
          <strong>{view.assignment.title}</strong>
        </span>
        <span>
          Working as <strong>{view.attempt.displayName}</strong>
        </span>
        {due && <span>Due {due.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC</span>}
      </div>
      <ReaderLayout article={article}>
        <ClassroomExercise
          exercise={exercise}
          paragraphs={article.paragraphs}
          title={view.assignment.title}
          intro={feedbackModeSentence(view.assignment.feedbackMode)}
          toolbar={<ClassroomSaveStatus />}
          footer={<ClassroomSubmit questionCount={questionCount} />}
        />
      </ReaderLayout>
    </ClassroomAttemptProvider>
  );
}
