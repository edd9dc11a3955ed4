'use client';
import { useRef } from 'react';
import { useClassroom } from './classroom-attempt-provider';
import { useExercise } from './exercise-provider';
import { SaveStatus } from './save-status';
import { hasAnswer } from '@/lib/exercise/progress';

/** The autosave state for the whole attempt (a leaf inside the provider). */
export function ClassroomSaveStatus() {
  const { overall, view } = useClassroom();
  const { storageError } = useExercise();
  if (view.attempt.status === 'submitted' || view.assignment.closed) return null;
  return <SaveStatus state={overall} storageError={storageError} />;
}

/**
 * Submit, behind a confirmation: after it the answers are read-only. Shows
 * what happens to feedback in this assignment's mode.
 */
export function ClassroomSubmit({ questionCount }: { questionCount: number }) {
  const { view, submit, submitting, submitError, stopped } = useClassroom();
  const { progress } = useExercise();
  const dialog = useRef<HTMLDialogElement>(null);
  const answered = Object.values(progress.answers).filter(hasAnswer).length;
  const submitted = view.attempt.status === 'submitted';

  if (submitted) {
    const at = view.attempt.submittedAt ? new Date(view.attempt.submittedAt) : null;
    return (
      <section className="summary classroom-done" aria-labelledby="submitted-title">
        <h3 id="submitted-title" style={{ marginTop: 0 }}>
          Submitted
        </h3>
        <p>
          Your work was submitted{at ? ` on ${at.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}` : ''}. Your answers can no longer be changed.
        </p>
        {view.pendingFeedback ? <p role="status">{view.pendingFeedback}</p> : <p>Your feedback is shown under each question.</p>}
      </section>
    );
  }
  if (view.assignment.closed)
    return (
      <section className="summary" aria-labelledby="closed-title">
        <h3 id="closed-title" style={{ marginTop: 0 }}>
          Closed
        </h3>
        <p>Your teacher has closed this assignment to new answers. Everything you saved is with your teacher.</p>
      </section>
    );

  return (
    <section className="summary" aria-labelledby="submit-title">
      <h3 id="submit-title" style={{ marginTop: 0 }}>
        Finished?
      </h3>
      <p>
        You have answered {answered} of {questionCount} questions. {view.pendingFeedback ?? 'You can keep checking your answers until you submit.'}
      </p>
      <button type="button" className="btn" disabled={submitting || !!stopped} onClick={() => dialog.current?.showModal()}>
        {submitting ? 'Submitting…' : 'Submit my work'}
      </button>
      <div aria-live="polite">
        {submitError && (
          <p className="error-text" role="alert">
            {submitError}
          </p>
        )}
        {stopped && (
          <p className="error-text" role="alert">
            {stopped}
          </p>
        )}
      </div>
      <dialog ref={dialog} className="confirm" aria-labelledby="submit-confirm-title" aria-describedby="submit-confirm-desc">
        <h2 id="submit-confirm-title">Submit your work?</h2>
        <p id="submit-confirm-desc">
          You have answered {answered} of {questionCount} questions. After you submit, you cannot change your answers.
        </p>
        <form method="dialog" className="dialog-actions">
          <button type="submit" className="btn btn--ghost" autoFocus>
            Keep working
          </button>
          <button type="submit" className="btn" onClick={() => void submit()}>
            Submit
          </button>
        </form>
      </dialog>
    </section>
  );
}
