'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useState, useTransition } from 'react';
import { effectiveGrade, formatScore, scoreText } from '@/lib/classroom/scoring';
import { MAX_COMMENT_LENGTH } from '@/lib/validations/review';

export type ReviewActionState =
  | { ok: true; message: string; savedAt: string | null; effective: string; cleared: boolean }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

export interface ReviewCriterion {
  id: string;
  label: string;
  maxScore: number;
  autoScore: number;
  feedback: string;
  teacher?: number;
}

export interface ReviewFormProps {
  assignmentId: string;
  attemptId: string;
  questionId: string;
  /** "<attemptId>:<questionId>", passed on as `back` after "Save and next". */
  responseKey: string;
  maxScore: number;
  autoScore: number | null;
  criteria: ReviewCriterion[];
  initialTotal?: number;
  initialComment?: string;
  /** A teacher review is stored (so it can be cleared). */
  hasReview: boolean;
  prevHref: string | null;
  nextHref: string | null;
  action: (fd: FormData) => Promise<ReviewActionState>;
}

/** Shortcuts stay quiet while the teacher types: in text fields, number fields, selects and editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/**
 * The teacher's verdict on one response: a radio group per rubric criterion
 * ("use automatic" by default, then 0..max), an optional total override, a
 * comment, Save / Save and next, and clearing the review. Keyboard: J or N
 * next, K or P previous, S save — only when focus is not in a text field.
 * Unsaved changes are never dropped silently: leaving asks for a second press.
 */
export function ReviewForm(props: ReviewFormProps) {
  const { criteria, maxScore } = props;
  const router = useRouter();
  const uid = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.id, c.teacher === undefined ? 'auto' : String(c.teacher)])),
  );
  const [total, setTotal] = useState(props.initialTotal === undefined ? '' : String(props.initialTotal));
  const [comment, setComment] = useState(props.initialComment ?? '');
  const [dirty, setDirty] = useState(false);
  const [result, setResult] = useState<ReviewActionState | null>(null);
  const [leaveWarning, setLeaveWarning] = useState<string | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [hasReview, setHasReview] = useState(props.hasReview);
  const [pending, startTransition] = useTransition();
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  const change = () => {
    setDirty(true);
    setLeaveWarning(null);
  };

  const submit = useCallback(
    (intent: 'save' | 'save-next' | 'clear') => {
      if (pending) return;
      const fd = new FormData();
      fd.set('assignmentId', props.assignmentId);
      fd.set('attemptId', props.attemptId);
      fd.set('questionId', props.questionId);
      fd.set('intent', intent === 'clear' ? 'clear' : 'save');
      if (intent !== 'clear') {
        fd.set('total', total);
        fd.set('comment', comment);
        for (const [id, v] of Object.entries(values)) fd.set(`criterion:${id}`, v);
      }
      startTransition(async () => {
        let r: ReviewActionState;
        try {
          r = await props.action(fd);
        } catch {
          r = { ok: false, message: 'Could not save: the server did not answer. Your changes are still here; try again.' };
        }
        setResult(r);
        if (!r.ok) return;
        setDirty(false);
        setLeaveWarning(null);
        setConfirmClear(false);
        if (intent === 'clear') {
          setValues(Object.fromEntries(criteria.map((c) => [c.id, 'auto'])));
          setTotal('');
          setComment('');
          setHasReview(false);
          return;
        }
        setHasReview(true);
        if (intent === 'save-next' && props.nextHref) router.push(`${props.nextHref}&back=${encodeURIComponent(props.responseKey)}`);
      });
    },
    [pending, props, total, comment, values, criteria, router],
  );

  const go = useCallback(
    (href: string | null, label: string) => {
      if (!href) return false;
      if (dirty && leaveWarning === null) {
        setLeaveWarning(`You have unsaved changes. Save them (S), or go to the ${label} response again to leave without saving.`);
        return false;
      }
      router.push(href);
      return true;
    },
    [dirty, leaveWarning, router],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key === 'j' || key === 'n') {
        e.preventDefault();
        go(props.nextHref, 'next');
      } else if (key === 'k' || key === 'p') {
        e.preventDefault();
        go(props.prevHref, 'previous');
      } else if (key === 's') {
        e.preventDefault();
        submit('save');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, submit, props.nextHref, props.prevHref]);

  // Live preview of the score that will count, with both numbers.
  const parsedTotal = /^\d+$/.test(total.trim()) ? Number(total.trim()) : undefined;
  const teacherCriteria: Record<string, number> = {};
  for (const [id, v] of Object.entries(values)) if (v !== 'auto') teacherCriteria[id] = Number(v);
  const preview = effectiveGrade(
    props.autoScore === null
      ? null
      : { score: props.autoScore, maxScore, needsReview: false, criteria: criteria.map((c) => ({ id: c.id, score: c.autoScore, maxScore: c.maxScore })) },
    { criteria: teacherCriteria, ...(parsedTotal !== undefined ? { total: parsedTotal } : {}) },
    { maxScore },
  );

  const nav = (href: string | null, label: string, text: string, shortcut: string) =>
    href ? (
      <Link
        href={href}
        className="btn btn--ghost btn--small"
        aria-keyshortcuts={shortcut}
        onClick={(e) => {
          if (dirty && leaveWarning === null) {
            e.preventDefault();
            go(href, label);
          }
        }}
      >
        {text}
      </Link>
    ) : (
      <span className="review-nav--off">{label === 'next' ? 'This is the last response.' : 'This is the first response.'}</span>
    );

  const errorList = Object.entries(errors);
  return (
    <form
      className="review-form"
      aria-label="Your review"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        submit(submitter?.value === 'save-next' ? 'save-next' : 'save');
      }}
    >
      {criteria.length > 0 && (
        <div className="review-criteria">
          {criteria.map((c, i) => {
            const err = errors[`criteria.${c.id}`];
            return (
              <fieldset key={c.id} className="review-criterion" aria-describedby={`${uid}-c${i}-engine${err ? ` ${uid}-c${i}-err` : ''}`}>
                <legend>
                  Criterion {i + 1}: {c.label}
                </legend>
                <p className="review-criterion__engine" id={`${uid}-c${i}-engine`}>
                  Automatic check: {formatScore(c.autoScore)}/{formatScore(c.maxScore)}
                  {c.feedback ? ` — ${c.feedback}` : ''}
                </p>
                <div className="review-criterion__choices">
                  {['auto', ...Array.from({ length: c.maxScore + 1 }, (_, n) => String(n))].map((v) => (
                    <label key={v} className="chip">
                      <input
                        type="radio"
                        name={`criterion:${c.id}`}
                        value={v}
                        checked={values[c.id] === v}
                        onChange={() => {
                          setValues((old) => ({ ...old, [c.id]: v }));
                          change();
                        }}
                      />
                      {v === 'auto' ? `Use automatic (${formatScore(c.autoScore)})` : `${v} of ${c.maxScore}`}
                    </label>
                  ))}
                </div>
                {err && (
                  <p className="error-text" id={`${uid}-c${i}-err`}>
                    {err}
                  </p>
                )}
              </fieldset>
            );
          })}
        </div>
      )}

      <div className="review-field">
        <label className="field" htmlFor={`${uid}-total`}>
          Total override (0 to {maxScore}, optional)
        </label>
        <input
          id={`${uid}-total`}
          name="total"
          type="number"
          inputMode="numeric"
          min={0}
          max={maxScore}
          step={1}
          value={total}
          aria-invalid={errors.total ? true : undefined}
          aria-describedby={`${uid}-total-help${errors.total ? ` ${uid}-total-err` : ''}`}
          onChange={(e) => {
            setTotal(e.target.value);
            change();
          }}
        />
        <p className="counter" id={`${uid}-total-help`}>
          Leave empty to use {criteria.length > 0 ? 'the criteria (yours where set, automatic otherwise)' : 'the automatic score'}.
        </p>
        {errors.total && (
          <p className="error-text" id={`${uid}-total-err`}>
            {errors.total}
          </p>
        )}
      </div>

      <div className="review-field">
        <label className="field" htmlFor={`${uid}-comment`}>
          Comment for the student (optional)
        </label>
        <textarea
          id={`${uid}-comment`}
          name="comment"
          value={comment}
          rows={4}
          aria-invalid={errors.comment || comment.length > MAX_COMMENT_LENGTH ? true : undefined}
          aria-describedby={`${uid}-comment-count${errors.comment ? ` ${uid}-comment-err` : ''}`}
          onChange={(e) => {
            setComment(e.target.value);
            change();
          }}
        />
        <p className={`counter${comment.length > MAX_COMMENT_LENGTH ? ' counter--over' : ''}`} id={`${uid}-comment-count`}>
          {comment.length.toLocaleString('en')} of {MAX_COMMENT_LENGTH.toLocaleString('en')} characters
          {comment.length > MAX_COMMENT_LENGTH ? ` — shorten it by ${(comment.length - MAX_COMMENT_LENGTH).toLocaleString('en')}` : ''}
        </p>
        {errors.comment && (
          <p className="error-text" id={`${uid}-comment-err`}>
            {errors.comment}
          </p>
        )}
      </div>

      <p className="review-preview">
        Counts as: <strong>{scoreText(preview)}</strong>
      </p>

      <div className="question__actions">
        <button type="submit" name="intent" value="save" className="btn" disabled={pending} aria-keyshortcuts="S">
          Save
        </button>
        <button type="submit" name="intent" value="save-next" className="btn btn--ghost" disabled={pending || !props.nextHref}>
          Save and next
        </button>
        {hasReview &&
          (confirmClear ? (
            <span className="review-clear">
              <span>Remove your scores and comment for this answer?</span>{' '}
              <button type="button" className="btn btn--danger btn--small" disabled={pending} onClick={() => submit('clear')}>
                Clear my review
              </button>{' '}
              <button type="button" className="btn btn--ghost btn--small" onClick={() => setConfirmClear(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setConfirmClear(true)}>
              Clear my review…
            </button>
          ))}
      </div>

      <div role="status" className="status review-status">
        {pending ? 'Saving…' : result?.ok ? `${result.message} ${result.cleared ? '' : `Counts as ${result.effective}.`}` : dirty ? 'Unsaved changes.' : ''}
      </div>
      {result && !result.ok && (
        <div role="alert" className="error-text">
          <p>{result.message}</p>
          {errorList.length > 0 && (
            <ul>
              {errorList.map(([field, msg]) => (
                <li key={field}>{msg}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {leaveWarning && (
        <p role="alert" className="error-text">
          {leaveWarning}
        </p>
      )}

      <nav className="review-nav" aria-label="Responses">
        {nav(props.prevHref, 'previous', '← Previous', 'K P')}
        {nav(props.nextHref, 'next', 'Next →', 'J N')}
      </nav>
    </form>
  );
}
