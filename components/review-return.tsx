'use client';
import { useRef, useState, useTransition } from 'react';
import { LocalTime } from './class-local-time';

export type ReturnActionState = { ok: true; returnedAt: string } | { ok: false; message: string };

interface Props {
  returnedAt: string | null;
  /** Flagged answers not reviewed yet (mentioned in the confirmation). */
  pendingReview: number;
  feedbackMode: 'immediate' | 'after-submit' | 'when-returned';
  action: () => Promise<ReturnActionState>;
}

const MODE_NOTE: Record<Props['feedbackMode'], string> = {
  'when-returned': 'Students see nothing of their grades until you return them.',
  'after-submit': 'Students already see the automatic feedback after submitting; returning adds your scores and comments.',
  immediate: 'Students already see the automatic feedback; returning adds your scores and comments.',
};

/**
 * "Return grades to students", behind a confirmation. Returning releases the
 * grades and your comments; once returned, later changes show at once, and
 * returning again just records the new time.
 */
export function ReviewReturn({ returnedAt, pendingReview, feedbackMode, action }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const shown = done ?? returnedAt;

  const confirm = () => {
    dialog.current?.close();
    startTransition(async () => {
      try {
        const r = await action();
        if (r.ok) {
          setDone(r.returnedAt);
          setError(null);
        } else setError(r.message);
      } catch {
        setError('Could not return the grades: the server did not answer. Try again.');
      }
    });
  };

  return (
    <div className="review-return">
      <p role="status" className="review-return__state">
        {pending ? (
          'Returning…'
        ) : shown ? (
          <>
            <span aria-hidden="true">✓ </span>Returned on <LocalTime iso={shown} />. Students see their grades and your comments, including later changes.
          </>
        ) : (
          'Not returned yet.'
        )}
      </p>
      <button type="button" className="btn" disabled={pending} onClick={() => dialog.current?.showModal()}>
        {shown ? 'Return grades again' : 'Return grades to students'}
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <dialog ref={dialog} className="confirm" aria-labelledby="return-title" aria-describedby="return-desc">
        <h2 id="return-title">Return grades to students?</h2>
        <div id="return-desc">
          <p>Each student will see their score for every question and your comments. {MODE_NOTE[feedbackMode]}</p>
          {pendingReview > 0 && (
            <p>
              <strong>
                <span aria-hidden="true">⚑ </span>
                {pendingReview} {pendingReview === 1 ? 'answer still needs' : 'answers still need'} your review.
              </strong>{' '}
              Their automatic scores will be shown as they are.
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn btn--ghost" autoFocus onClick={() => dialog.current?.close()}>
            Not yet
          </button>
          <button type="button" className="btn" onClick={confirm}>
            Return grades
          </button>
        </div>
      </dialog>
    </div>
  );
}
