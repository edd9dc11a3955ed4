'use client';
import { summarize } from '@/lib/exercise/progress';
import type { PublicSection } from '@/lib/content/public';
import { useExercise } from './exercise-provider';

/** Progress while working; the score per section and overall once every answer has been checked. */
export function ExerciseSummary({ sections }: { sections: PublicSection[] }) {
  const { progress, loaded } = useExercise();
  if (!loaded) return null;
  const s = summarize(sections, progress);
  return (
    <section className="summary" aria-labelledby="summary-title" aria-live="polite">
      <h3 id="summary-title" style={{ marginTop: 0 }}>
        {s.complete ? 'Your results' : 'Your progress'}
      </h3>
      <p>
        {s.checked} of {s.questions} questions checked{s.complete ? ` · Total: ${s.score} of ${s.maxScore} points (${Math.round((100 * s.score) / s.maxScore)}%)` : '.'}
      </p>
      <progress max={s.questions} value={s.checked} aria-label="Questions checked" />
      {s.complete ? (
        <table>
          <caption className="visually-hidden">Score per section</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {s.sections.map((x) => (
              <tr key={x.id}>
                <td>{x.title}</td>
                <td>
                  {x.score} / {x.maxScore}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>
                <strong>
                  {s.score} / {s.maxScore}
                </strong>
              </td>
            </tr>
          </tfoot>
        </table>
      ) : (
        <p className="status">Check every question to see your score per section.</p>
      )}
    </section>
  );
}
