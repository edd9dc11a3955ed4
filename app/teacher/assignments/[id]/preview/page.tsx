import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/guards';
import { assignmentPreview } from '@/lib/db/attempts';
import { ReaderLayout } from '@/components/reader-layout';
import { ExerciseProvider } from '@/components/exercise-provider';
import { ClassroomExercise } from '@/components/classroom-exercise';
import { feedbackModeSentence } from '@/lib/classroom/release';
import '../../../../attempts/classroom.css';

export const metadata: Metadata = { title: 'Preview', robots: { index: false } };

/** The assignment exactly as a student sees it; answers stay in this page and are never saved. */
export default async function PreviewPage({ params }: PageProps<'/teacher/assignments/[id]/preview'>) {
  const { id } = await params;
  const teacherId = await requireTeacher(`/teacher/assignments/${id}/preview`);
  const data = await assignmentPreview(teacherId, id);
  if (!data) notFound();
  const { assignment, exercise, article } = data;
  return (
    <ExerciseProvider exerciseId={exercise.id} persist={false} canCheck={assignment.feedbackMode === 'immediate'}>
      <div className="classroom-banner classroom-banner--preview" role="note" aria-label="Preview">
        <span>
          <strong>Preview — answers are not saved.</strong> This is what your students see.
        </span>
        <Link href={`/teacher/assignments/${id}`}>Back to the assignment</Link>
      </div>
      <ReaderLayout article={article}>
        <ClassroomExercise
          exercise={exercise}
          paragraphs={article.paragraphs}
          title={assignment.title}
          intro={feedbackModeSentence(assignment.feedbackMode)}
          footer={
            <section className="summary" aria-labelledby="preview-submit-title">
              <h3 id="preview-submit-title" style={{ marginTop: 0 }}>
                Finished?
              </h3>
              <p>Students see a “Submit my work” button here. After submitting, their answers are read-only.</p>
            </section>
          }
        />
      </ReaderLayout>
    </ExerciseProvider>
  );
}
