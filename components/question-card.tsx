'use client';
/**
 * One question: its prompt, the answer widget for its kind, the "Check"
 * button and the feedback. Reads and writes the answer through the exercise
 * context, so everything typed is saved in the browser at once.
 */
import type { PublicQuestion } from '@/lib/content/public';
import type { ChoiceAnswer, ClassifyAnswer, HighlightAnswer, TextAnswer } from '@/lib/grading/answers';
import { hasAnswer, isCurrent } from '@/lib/exercise/progress';
import { useExercise } from './exercise-provider';
import { ChoiceQuestion } from './choice-question';
import { ClassifyQuestion } from './classify-question';
import { WrittenAnswer } from './written-answer';
import { HighlightQuestion } from './highlight-question';
import { FeedbackView } from './feedback-view';

const KIND_LABEL: Record<PublicQuestion['kind'], string> = {
  choice: 'Choose',
  highlight: 'Highlight',
  classify: 'Sort',
  short: 'Short answer',
  text: 'Written answer',
};
const SHORT_MAX = 200;

interface Props {
  question: PublicQuestion;
  number: number;
  paragraphs: string[];
}

export function QuestionCard({ question: q, number, paragraphs }: Props) {
  const { progress, setAnswer, check, checking, errors, loaded, readOnly = false, canCheck: checkAllowed = true, saveStatus, flush } = useExercise();
  const answer = progress.answers[q.id];
  const record = progress.results[q.id];
  const busy = checking.has(q.id);
  const headingId = `q-${q.id}-title`;
  const promptId = `q-${q.id}-prompt`;
  const maxLength = q.kind === 'text' ? q.maxLength : q.kind === 'short' ? SHORT_MAX : Infinity;
  const tooLong = (q.kind === 'text' || q.kind === 'short') && ((answer as TextAnswer | undefined)?.text.length ?? 0) > maxLength;
  // While a check is running the button stays enabled (aria-disabled): disabling the
  // focused button would drop keyboard focus to the page body.
  const canCheck = loaded && hasAnswer(answer) && !tooLong && !readOnly;
  const saved = saveStatus?.(q.id);

  const partLabels: Record<string, string> =
    q.kind === 'classify' ? Object.fromEntries(q.items.map((i) => [i.id, i.text])) : q.kind === 'choice' ? Object.fromEntries(q.options.map((o) => [o.id, o.text])) : {};

  let widget: React.ReactNode;
  switch (q.kind) {
    case 'choice':
      widget = <ChoiceQuestion questionId={q.id} legend={q.prompt} multiple={q.multiple} options={q.options} value={answer as ChoiceAnswer | undefined} onChange={(a) => setAnswer(q.id, a)} />;
      break;
    case 'classify':
      widget = <ClassifyQuestion questionId={q.id} categories={q.categories} items={q.items} value={answer as ClassifyAnswer | undefined} onChange={(a) => setAnswer(q.id, a)} />;
      break;
    case 'short':
      widget = <WrittenAnswer label="Your answer" multiline={false} maxLength={SHORT_MAX} value={answer as TextAnswer | undefined} onChange={(a) => setAnswer(q.id, a)} />;
      break;
    case 'text':
      widget = <WrittenAnswer label="Your answer" multiline maxLength={q.maxLength} value={answer as TextAnswer | undefined} onChange={(a) => setAnswer(q.id, a)} />;
      break;
    case 'highlight':
      widget = (
        <HighlightQuestion paragraphs={paragraphs} startParagraph={q.paragraphs[0] ?? 1} maxWords={q.maxWords} value={answer as HighlightAnswer | undefined} onChange={(a) => setAnswer(q.id, a)} />
      );
      break;
  }

  return (
    <section className="question" aria-labelledby={headingId} id={`q-${q.id}`} data-question={q.id} onBlur={flush ? () => flush(q.id) : undefined}>
      <div className="question__head">
        <h4 className="question__title" id={headingId}>
          Question {number} · {KIND_LABEL[q.kind]}
        </h4>
        <span className="question__points">
          {q.points} point{q.points === 1 ? '' : 's'}
        </span>
      </div>
      <p className="question__prompt" id={promptId}>
        {q.prompt}
      </p>
      {q.paragraphs.length > 0 && (
        <p className="question__paras">
          See{' '}
          {q.paragraphs.map((n, i) => (
            <span key={n}>
              {i > 0 && (i === q.paragraphs.length - 1 ? ' and ' : ', ')}
              <a href={`#para-${n}`}>paragraph {n}</a>
            </span>
          ))}
        </p>
      )}
      {readOnly ? (
        <fieldset disabled className="question__locked">
          {widget}
        </fieldset>
      ) : (
        widget
      )}
      <div className="question__actions no-print">
        {checkAllowed && !readOnly && (
          <button
            type="button"
            className="btn"
            disabled={!canCheck}
            aria-disabled={busy || undefined}
            aria-describedby={promptId}
            onClick={() => {
              if (!busy) void check(q.id);
            }}
          >
            {busy ? 'Checking…' : record ? 'Check again' : 'Check'}
          </button>
        )}
        {checkAllowed && !readOnly && !hasAnswer(answer) && loaded && <span className="status">Answer first, then check.</span>}
        {saved !== undefined && (
          <span className="status" data-save-status>
            {saved}
          </span>
        )}
      </div>
      <div aria-live="polite">
        {errors[q.id] && (
          <p className="error-text" role="alert">
            {errors[q.id]}
          </p>
        )}
        {record && <FeedbackView result={record.result} stale={!isCurrent(progress, q.id)} partLabels={partLabels} />}
      </div>
    </section>
  );
}
