import type { PublicExercise } from '@/lib/content/public';
import { QuestionCard } from './question-card';
import { ExerciseSummary } from './exercise-summary';
import { StartOver } from './start-over';

/** The exercise column: sections in order, questions numbered across the exercise, and the summary. */
export function ExerciseView({ exercise, paragraphs }: { exercise: PublicExercise; paragraphs: string[] }) {
  let n = 0;
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
      {exercise.sections.map((s) => (
        <section className="section" key={s.id} aria-labelledby={`section-${s.id}`}>
          <h3 id={`section-${s.id}`}>{s.title}</h3>
          {s.intro && <p className="section__intro">{s.intro}</p>}
          {s.questions.map((q) => (
            <QuestionCard key={q.id} question={q} number={++n} paragraphs={paragraphs} />
          ))}
        </section>
      ))}
      <ExerciseSummary sections={exercise.sections} />
    </div>
  );
}
