import type { QuestionAnalysis } from '@/lib/classroom/analysis';
import { formatScore } from '@/lib/classroom/scoring';

const KIND: Record<QuestionAnalysis['kind'], string> = {
  choice: 'Multiple choice',
  classify: 'Sorting',
  highlight: 'Highlight in the text',
  short: 'Short answer',
  text: 'Written answer',
};

const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 100) : 0);

/**
 * One question's item analysis: how many answered, the average, a score
 * distribution table (count and percentage as text, a bar as a visual extra),
 * and the most common mistakes for its kind.
 */
export function AnalysisQuestion({ q }: { q: QuestionAnalysis }) {
  const headingId = `q-${q.questionId}`;
  return (
    <section className="analysis-question question" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Question {q.number}: <span className="analysis-question__prompt">{q.prompt}</span>
      </h2>
      <p className="meta">
        {KIND[q.kind]} · {q.maxScore} {q.maxScore === 1 ? 'point' : 'points'}
      </p>
      {q.answered === 0 ? (
        <p>Nobody has answered this question yet.</p>
      ) : (
        <>
          <p>
            <strong>{q.answered}</strong> answered · average <strong>{formatScore(Math.round(q.average! * 100) / 100)}</strong> of {q.maxScore} ({q.averagePercent}%)
          </p>
          <table className="analysis-dist">
            <caption>Score distribution, question {q.number}</caption>
            <thead>
              <tr>
                <th scope="col">Score</th>
                <th scope="col">Students</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {q.distribution.map((d) => (
                <tr key={d.score}>
                  <th scope="row">
                    {formatScore(d.score)}/{q.maxScore}
                  </th>
                  <td>{d.count}</td>
                  <td>
                    <span className="analysis-bar" aria-hidden="true">
                      <span className="analysis-bar__fill" style={{ width: `${pct(d.count, q.answered)}%` }} />
                    </span>{' '}
                    {pct(d.count, q.answered)}%
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {q.wrongChoices && (
            <>
              <h3>Most common wrong choices</h3>
              {q.wrongChoices.length === 0 ? (
                <p>No wrong choices.</p>
              ) : (
                <ol className="analysis-list">
                  {q.wrongChoices.slice(0, 5).map((w) => (
                    <li key={w.id}>
                      {w.text} — <strong>{w.count}</strong> ({pct(w.count, q.answered)}% of answers)
                    </li>
                  ))}
                </ol>
              )}
            </>
          )}

          {q.wrongCategories && (
            <>
              <h3>Most common wrong categories</h3>
              {q.wrongCategories.length === 0 ? (
                <p>Every sorted statement was in a right category.</p>
              ) : (
                <ul className="analysis-list">
                  {q.wrongCategories.map((item) => (
                    <li key={item.itemId}>
                      <span className="analysis-item">“{item.itemText}”</span>: {item.wrongCount} wrong —{' '}
                      {item.wrong
                        .slice(0, 3)
                        .map((w) => `${w.label} (${w.count})`)
                        .join(', ')}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}

          {q.missedCriteria && (
            <>
              <h3>Criteria most often missed</h3>
              <ul className="analysis-list">
                {q.missedCriteria.map((c) => (
                  <li key={c.id}>
                    {c.label} — missed by <strong>{c.percent}%</strong> ({c.missed} of {q.answered})
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
