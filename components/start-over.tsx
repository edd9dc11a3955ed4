'use client';
import { useRef } from 'react';
import { useExercise } from './exercise-provider';

/** "Start over" behind a confirmation dialog: clearing answers cannot be undone. */
export function StartOver() {
  const { reset, progress, storageError } = useExercise();
  const dialog = useRef<HTMLDialogElement>(null);
  const count = Object.keys(progress.answers).length;
  return (
    <>
      <span className="status" role="status">
        {storageError ? 'Your browser is not saving answers (private mode or storage full): keep this tab open.' : count > 0 ? 'Answers saved in this browser.' : ''}
      </span>
      <button type="button" className="btn btn--ghost btn--small" disabled={count === 0} onClick={() => dialog.current?.showModal()}>
        Start over
      </button>
      <dialog ref={dialog} className="confirm" aria-labelledby="start-over-title" aria-describedby="start-over-desc">
        <h2 id="start-over-title">Start over?</h2>
        <p id="start-over-desc">
          This clears all {count} of your answers and results for this exercise from this browser. It cannot be undone.
        </p>
        <form method="dialog" className="dialog-actions">
          <button type="submit" className="btn btn--ghost" autoFocus>
            Keep my answers
          </button>
          <button type="submit" className="btn btn--danger" onClick={() => reset()}>
            Clear everything
          </button>
        </form>
      </dialog>
    </>
  );
}
