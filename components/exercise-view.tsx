import type { PublicExercise } from '@/lib/content/public';
import { ExerciseSections } from './exercise-sections';
import { ExerciseSummary } from './exercise-summary';
import { StartOver } from './start-over';

/** The exercise column: sections in order, questions numbered across the exercise, and the summary. */
export function ExerciseView({ exercise, paragraphs }: { exercise: PublicExercise; paragraphs: string[] }) {
  return (
    <div className="exercise">
      <h2 id="exercise-title">{exercise.title}</h2>
      <p className="status">
        {exercise.sections.reduce((t, s) => t + s.questions.length, 0)} questions, {exercise.totalPoints} points. Answer
        each one and press Check to see feedback; you can revise and check again.
      </p>
      <div className="exercise__toolbar">
        <StartOver />
        <span className="print-only">Name: ______________________ Date: ____________</span>
      </div>
      <ExerciseSections sections={exercise.sections} paragraphs={paragraphs} />
      <ExerciseSummary sections={exercise.sections} />
    </div>
  );
}
