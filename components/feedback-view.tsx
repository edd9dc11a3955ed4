import type { GradeResult } from '@/lib/grading/types';

interface Props {
  result: GradeResult;
  stale: boolean;
  /** Labels for classify items / choice options, to name them in per-part feedback. */
  partLabels: Record<string, string>;
}

/**
 * The result of one check, in words a student understands: the score, each
 * rubric criterion met (✓) or missing (✗) — marked by symbol and text, not by
 * colour alone — what to do next, and a link back to the paragraph.
 */
export function FeedbackView({ result, stale, partLabels }: Props) {
  const tone = result.score >= result.maxScore ? 'full' : result.score > 0 ? 'part' : 'none';
  const verdict = tone === 'full' ? 'Well done.' : tone === 'part' ? 'Partly there.' : 'Not yet.';
  const paraMatch = result.hint?.match(/paragraphs? (\d+)/);
  return (
    <div className={`feedback feedback--${tone}`}>
      {stale && <p className="feedback__stale">You changed your answer after this check. Check again to update it.</p>}
      <p className="feedback__score">
        {verdict} {result.score} of {result.maxScore} point{result.maxScore === 1 ? '' : 's'}.
      </p>
      {result.criteria && result.criteria.length > 0 && (
        <ul aria-label="Rubric">
          {result.criteria.map((c) => {
            const met = c.score >= c.maxScore;
            const some = !met && c.score > 0;
            return (
              <li key={c.id}>
                <span className={`feedback__mark feedback__mark--${met || some ? 'ok' : 'no'}`} aria-hidden="true">
                  {met ? '✓' : some ? '½' : '✗'}
                </span>
                <span>
                  <strong>
                    {c.label} — {met ? 'met' : some ? `${c.score} of ${c.maxScore}` : 'missing'}.
                  </strong>{' '}
                  {c.feedback}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {result.parts && result.parts.length > 0 && (
        <ul aria-label="Your choices">
          {result.parts.map((p) => (
            <li key={p.id}>
              <span className={`feedback__mark feedback__mark--${p.correct ? 'ok' : 'no'}`} aria-hidden="true">
                {p.correct ? '✓' : '✗'}
              </span>
              <span>
                <strong>
                  {partLabels[p.id] ?? p.id}: {p.correct ? 'right' : 'not right'}.
                </strong>{' '}
                {p.feedback}
              </span>
            </li>
          ))}
        </ul>
      )}
      {result.feedback.map((f, i) => (
        <p key={i} style={{ margin: '0.35rem 0' }}>
          {f}
        </p>
      ))}
      {result.needsReview && (
        <p className="feedback__review">
          The automatic check is not sure about this answer, so a teacher should read it. Compare your answer with the
          feedback above.
        </p>
      )}
      {result.hint && (
        <p style={{ margin: '0.35rem 0 0' }}>
          {paraMatch ? <a href={`#para-${paraMatch[1]}`}>{result.hint}</a> : result.hint}
        </p>
      )}
    </div>
  );
}
