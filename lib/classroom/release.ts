/**
 * When a student may see grades and feedback, by the assignment's feedback mode:
 * - `immediate`: always (the student can check each question while working);
 * - `after-submit`: once the student has submitted;
 * - `when-returned`: once the teacher has returned the assignment.
 * Before that, nothing derived from the answer key reaches the student.
 */
export type FeedbackMode = 'immediate' | 'after-submit' | 'when-returned';

export interface ReleaseState {
  mode: FeedbackMode;
  /** The student has submitted this attempt. */
  submitted: boolean;
  /** The teacher has returned the assignment (assignments.returned_at is set). */
  returned: boolean;
}

export function feedbackReleased({ mode, submitted, returned }: ReleaseState): boolean {
  switch (mode) {
    case 'immediate':
      return true;
    case 'after-submit':
      return submitted || returned;
    case 'when-returned':
      return returned;
  }
}

/** The "Check" button: only in immediate mode, while the attempt is still open. */
export function studentMayCheck({ mode, submitted, closed }: { mode: FeedbackMode; submitted: boolean; closed: boolean }): boolean {
  return mode === 'immediate' && !submitted && !closed;
}

/** What the student is told about feedback they cannot see yet (null when it is shown). */
export function pendingFeedbackMessage(state: ReleaseState): string | null {
  if (feedbackReleased(state)) return null;
  if (state.mode === 'after-submit') return 'Feedback appears here after you submit.';
  return state.submitted ? 'Submitted. Your teacher will return feedback.' : 'Your teacher will return feedback after you submit and they have read your work.';
}

/** One sentence telling the student how feedback works in this assignment. */
export function feedbackModeSentence(mode: FeedbackMode): string {
  switch (mode) {
    case 'immediate':
      return 'Your answers save as you type. Press Check to see feedback on an answer; submit when you are done.';
    case 'after-submit':
      return 'Your answers save as you type. You will see feedback after you submit.';
    case 'when-returned':
      return 'Your answers save as you type. Your teacher will return feedback after you submit.';
  }
}
