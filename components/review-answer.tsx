import type { PublicQuestion } from '@/lib/content/public';
import type { GradeResult } from '@/lib/grading/types';

export interface NumberedSpan {
  start: number;
  end: number;
  /** 1-based criterion number. */
  criterion: number;
}

export interface Segment {
  text: string;
  /** Criterion numbers whose evidence covers this piece (empty = plain text). */
  criteria: number[];
}

/**
 * Split an answer into plain and highlighted pieces from character-offset
 * evidence spans (clamped, overlaps allowed). Pure: the caller renders the
 * pieces as text, never as HTML.
 */
export function evidenceSegments(text: string, spans: readonly NumberedSpan[]): Segment[] {
  const valid = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, text.length)), end: Math.max(0, Math.min(s.end, text.length)), criterion: s.criterion }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const criteria = [...new Set(valid.filter((s) => s.start <= from && s.end >= to).map((s) => s.criterion))].sort((a, b) => a - b);
    const prev = out[out.length - 1];
    if (prev && prev.criteria.join() === criteria.join()) prev.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), criteria });
  }
  return out.filter((s) => s.text.length > 0);
}

function textOf(answer: unknown, key: 'text' | 'quote'): string | null {
  if (!answer || typeof answer !== 'object') return null;
  const v = (answer as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : null;
}

function Verdict({ correct }: { correct: boolean | undefined }) {
  if (correct === undefined) return null;
  return (
    <span className={correct ? 'part-ok' : 'part-no'}>
      <span aria-hidden="true">{correct ? ' ✓' : ' ✗'}</span> {correct ? 'right' : 'not right'}
    </span>
  );
}

/**
 * The student's answer as the teacher reviews it: written answers as text with
 * the engine's evidence marked (<mark> plus the criterion number, so the
 * highlight is not colour alone); a highlight answer's quote; the chosen
 * option and category labels for choice and classify questions.
 */
export function ReviewAnswer({ question, answer, auto }: { question: PublicQuestion; answer: unknown; auto: GradeResult | null }) {
  const parts = new Map((auto?.parts ?? []).map((p) => [p.id, p.correct]));
  switch (question.kind) {
    case 'text':
    case 'short': {
      const text = textOf(answer, 'text');
      if (!text?.trim()) return <p className="review-empty">No answer written.</p>;
      const spans: NumberedSpan[] = (auto?.criteria ?? []).flatMap((c, i) => c.evidence.map((e) => ({ start: e.start, end: e.end, criterion: i + 1 })));
      return (
        <div className="review-answer__text" data-testid="answer-text">
          {evidenceSegments(text, spans).map((s, i) =>
            s.criteria.length === 0 ? (
              <span key={i}>{s.text}</span>
            ) : (
              <span key={i}>
                <mark className="evidence">{s.text}</mark>
                <sup className="evidence__tag">
                  <span className="visually-hidden">(evidence for criterion </span>
                  {s.criteria.join(',')}
                  <span className="visually-hidden">)</span>
                </sup>
              </span>
            ),
          )}
        </div>
      );
    }
    case 'highlight': {
      const quote = textOf(answer, 'quote');
      if (!quote?.trim()) return <p className="review-empty">Nothing selected.</p>;
      return (
        <blockquote className="review-answer__quote">
          <p>“{quote}”</p>
        </blockquote>
      );
    }
    case 'choice': {
      const chosen = answer && typeof answer === 'object' && Array.isArray((answer as { choice?: unknown }).choice) ? ((answer as { choice: unknown[] }).choice.filter((c) => typeof c === 'string') as string[]) : [];
      if (chosen.length === 0) return <p className="review-empty">Nothing chosen.</p>;
      const label = new Map(question.options.map((o) => [o.id, o.text]));
      return (
        <ul className="review-answer__list" aria-label="Chosen options">
          {chosen.map((id) => (
            <li key={id}>
              {label.get(id) ?? `Unknown option “${id}”`}
              <Verdict correct={parts.get(id)} />
            </li>
          ))}
        </ul>
      );
    }
    case 'classify': {
      const raw = answer && typeof answer === 'object' ? (answer as { assignments?: unknown }).assignments : undefined;
      const assigned = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
      const label = new Map(question.categories.map((c) => [c.id, c.label]));
      return (
        <table className="review-answer__table">
          <caption className="visually-hidden">How the student sorted each statement</caption>
          <thead>
            <tr>
              <th scope="col">Statement</th>
              <th scope="col">Student’s category</th>
            </tr>
          </thead>
          <tbody>
            {question.items.map((item) => {
              const cat = assigned[item.id];
              const sorted = typeof cat === 'string' && cat !== '';
              return (
                <tr key={item.id}>
                  <th scope="row">{item.text}</th>
                  <td>
                    {sorted ? (label.get(cat) ?? `Unknown category “${cat}”`) : <em>not sorted</em>}
                    {sorted && <Verdict correct={parts.get(item.id)} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      );
    }
  }
}
