import type { PublicExercise } from '@/lib/content/public';
import { QuestionCard } from './question-card';

/**
 * The questions of an assignment, numbered across the exercise, exactly as in
 * the self-study reader (same cards and widgets), with the classroom's own
 * toolbar (save status) and footer (submit) passed in.
 */
export function ClassroomExercise({ exercise, paragraphs, title, intro, toolbar, footer }: { exercise: PublicExercise; paragraphs: string[]; title: string; intro: React.ReactNode; toolbar?: React.ReactNode; footer?: React.ReactNode }) {
  let n = 0;
  return (
    <div className="exercise">
      <h2 id="exercise-title">{title}</h2>
      <p className="status">
        {exercise.title} · {exercise.sections.reduce((t, s) => t + s.questions.length, 0)} questions, {exercise.totalPoints} points. {intro}
      </p>
      {toolbar && <div className="exercise__toolbar classroom-toolbar">{toolbar}</div>}
      {exercise.sections.map((s) => (
        <section className="section" key={s.id} aria-labelledby={`section-${s.id}`}>
          <h3 id={`section-${s.id}`}>{s.title}</h3>
          {s.intro && <p className="section__intro">{s.intro}</p>}
          {s.questions.map((q) => (
            <QuestionCard key={q.id} question={q} number={++n} paragraphs={paragraphs} />
          ))}
        </section>
      ))}
      {footer}
    </div>
  );
}
