import type { PublicExercise } from '@/lib/content/public';
import { ExerciseSections } from './exercise-sections';

/**
 * The questions of an assignment, numbered across the exercise, exactly as in
 * the self-study reader (same cards and widgets), with the classroom's own
 * toolbar (save status) and footer (submit) passed in.
 */
export function ClassroomExercise({ exercise, paragraphs, title, intro, toolbar, footer }: { exercise: PublicExercise; paragraphs: string[]; title: string; intro: React.ReactNode; toolbar?: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <div className="exercise">
      <h2 id="exercise-title">{title}</h2>
      <p className="status">
        {exercise.title} · {exercise.sections.reduce((t, s) => t + s.questions.length, 0)} questions, {exercise.totalPoints} points. {intro}
      </p>
      {toolbar && <div className="exercise__toolbar classroom-toolbar">{toolbar}</div>}
      <ExerciseSections sections={exercise.sections} paragraphs={paragraphs} />
      {footer}
    </div>
  );
}
