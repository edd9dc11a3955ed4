import { describe, expect, it } from 'vitest';
import { feedbackReleased, pendingFeedbackMessage, studentMayCheck, type FeedbackMode } from './release';

const all = (mode: FeedbackMode) =>
  [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ].map(([submitted, returned]) => feedbackReleased({ mode, submitted: submitted!, returned: returned! }));

describe('feedback release', () => {
  it('immediate: always released', () => {
    expect(all('immediate')).toEqual([true, true, true, true]);
  });
  it('after-submit: released once the student submitted (or the teacher returned)', () => {
    expect(all('after-submit')).toEqual([false, true, true, true]);
  });
  it('when-returned: released only once the teacher returned', () => {
    expect(all('when-returned')).toEqual([false, false, true, true]);
  });
  it('Check only in immediate mode, while the attempt is open', () => {
    expect(studentMayCheck({ mode: 'immediate', submitted: false, closed: false })).toBe(true);
    expect(studentMayCheck({ mode: 'immediate', submitted: true, closed: false })).toBe(false);
    expect(studentMayCheck({ mode: 'immediate', submitted: false, closed: true })).toBe(false);
    expect(studentMayCheck({ mode: 'after-submit', submitted: false, closed: false })).toBe(false);
    expect(studentMayCheck({ mode: 'when-returned', submitted: false, closed: false })).toBe(false);
  });
  it('tells the student when feedback will come', () => {
    expect(pendingFeedbackMessage({ mode: 'immediate', submitted: false, returned: false })).toBeNull();
    expect(pendingFeedbackMessage({ mode: 'after-submit', submitted: false, returned: false })).toMatch(/after you submit/);
    expect(pendingFeedbackMessage({ mode: 'when-returned', submitted: true, returned: false })).toMatch(/Your teacher will return feedback/);
    expect(pendingFeedbackMessage({ mode: 'when-returned', submitted: true, returned: true })).toBeNull();
  });
});
