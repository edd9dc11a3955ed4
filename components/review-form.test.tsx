// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push, replace: vi.fn(), refresh: vi.fn(), prefetch: vi.fn(), back: vi.fn() }) }));

import { ReviewForm, isTypingTarget, type ReviewActionState, type ReviewFormProps } from './review-form';

const A = '11111111-1111-4111-8111-111111111111';
const T = '22222222-2222-4222-8222-222222222222';
const NEXT = `/teacher/assignments/${A}/review?r=next`;
const PREV = `/teacher/assignments/${A}/review?r=prev`;

function setup(overrides: Partial<ReviewFormProps> = {}, result: ReviewActionState = { ok: true, message: 'Saved.', savedAt: new Date().toISOString(), effective: '2/2', cleared: false }) {
  const action = vi.fn(async (fd: FormData) => {
    void fd;
    return result;
  });
  const props: ReviewFormProps = {
    assignmentId: A,
    attemptId: T,
    questionId: 'single-source',
    responseKey: `${T}:single-source`,
    maxScore: 2,
    autoScore: 1,
    criteria: [
      { id: 'names-source', label: 'Names the source', maxScore: 1, autoScore: 1, feedback: 'You named the source.' },
      { id: 'reason', label: 'Explains why', maxScore: 1, autoScore: 0, feedback: 'Say what could go wrong.' },
    ],
    hasReview: false,
    prevHref: PREV,
    nextHref: NEXT,
    action,
    ...overrides,
  };
  const user = userEvent.setup();
  render(<ReviewForm {...props} />);
  return { user, action: props.action as typeof action };
}

const sent = (action: ReturnType<typeof vi.fn>, call = 0) => Object.fromEntries((action.mock.calls[call]![0] as FormData).entries());

beforeEach(() => push.mockReset());
afterEach(() => cleanup());

describe('ReviewForm', () => {
  it('has a labelled radio group per criterion with "use automatic" chosen, and arrow keys move within it', async () => {
    const { user } = setup();
    const group = screen.getByRole('group', { name: 'Criterion 2: Explains why' });
    expect(group).toHaveAccessibleDescription(/Automatic check: 0\/1 — Say what could go wrong\./);
    const auto = within(group).getByRole('radio', { name: 'Use automatic (0)' });
    expect(auto).toBeChecked();
    expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['auto', '0', '1']);
    await user.click(auto);
    await user.keyboard('{ArrowRight}');
    expect(within(group).getByRole('radio', { name: '0 of 1' })).toBeChecked();
    await user.keyboard('{ArrowRight}');
    expect(within(group).getByRole('radio', { name: '1 of 1' })).toBeChecked();
    expect(screen.getByText('auto 1/2 → teacher 2/2')).toBeInTheDocument();
    expect(screen.getByLabelText(/Total override/)).toHaveAttribute('max', '2');
  });

  it('S saves from outside text fields, sending the teacher values', async () => {
    const { user, action } = setup();
    await user.click(within(screen.getByRole('group', { name: /Explains why/ })).getByRole('radio', { name: '1 of 1' }));
    await user.keyboard('s');
    expect(action).toHaveBeenCalledTimes(1);
    expect(sent(action)).toEqual({
      assignmentId: A,
      attemptId: T,
      questionId: 'single-source',
      intent: 'save',
      total: '',
      comment: '',
      'criterion:names-source': 'auto',
      'criterion:reason': '1',
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved. Counts as 2/2.');
  });

  it('shortcuts do not fire while typing in the comment or the total', async () => {
    const { user, action } = setup();
    const comment = screen.getByLabelText('Comment for the student (optional)');
    await user.click(comment);
    await user.keyboard('jknps');
    expect(comment).toHaveValue('jknps');
    const total = screen.getByLabelText(/Total override/);
    await user.click(total);
    await user.keyboard('s');
    expect(action).not.toHaveBeenCalled();
    expect(push).not.toHaveBeenCalled();
    expect(screen.getByText(/5 of 2,000 characters/)).toBeInTheDocument();
  });

  it('J/N and K/P move to the next and previous response; with unsaved changes the first press warns', async () => {
    const { user } = setup();
    await user.keyboard('j');
    expect(push).toHaveBeenLastCalledWith(NEXT);
    await user.keyboard('p');
    expect(push).toHaveBeenLastCalledWith(PREV);
    push.mockReset();
    await user.click(within(screen.getByRole('group', { name: /Names the source/ })).getByRole('radio', { name: '0 of 1' }));
    await user.keyboard('n');
    expect(push).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(/unsaved changes/i);
    await user.keyboard('n');
    expect(push).toHaveBeenCalledWith(NEXT);
  });

  it('ignores shortcuts with modifier keys (browser shortcuts keep working)', async () => {
    const { user, action } = setup();
    await user.keyboard('{Control>}s{/Control}{Meta>}j{/Meta}');
    expect(action).not.toHaveBeenCalled();
    expect(push).not.toHaveBeenCalled();
  });

  it('"Save and next" saves, then opens the next response remembering this one', async () => {
    const { user, action } = setup();
    await user.type(screen.getByLabelText(/Total override/), '2');
    await user.click(screen.getByRole('button', { name: 'Save and next' }));
    expect(sent(action).total).toBe('2');
    expect(push).toHaveBeenCalledWith(`${NEXT}&back=${encodeURIComponent(`${T}:single-source`)}`);
  });

  it('shows field errors from the server, keeps the input and marks the field invalid', async () => {
    const { user } = setup({}, { ok: false, message: 'Check the marked fields.', fieldErrors: { total: 'The total must be from 0 to 2.' } });
    const total = screen.getByLabelText(/Total override/);
    await user.type(total, '3');
    await user.type(screen.getByLabelText(/Comment/), 'Well argued');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The total must be from 0 to 2.');
    expect(total).toHaveAttribute('aria-invalid', 'true');
    expect(total).toHaveAccessibleDescription(/The total must be from 0 to 2\./);
    expect(total).toHaveValue(3);
    expect(screen.getByLabelText(/Comment/)).toHaveValue('Well argued');
    expect(push).not.toHaveBeenCalled();
  });

  it('clears a stored review after a confirmation, back to automatic', async () => {
    const { user, action } = setup(
      { hasReview: true, initialTotal: 0, initialComment: 'Hm.', criteria: [{ id: 'reason', label: 'Explains why', maxScore: 1, autoScore: 0, feedback: '', teacher: 1 }] },
      { ok: true, message: 'Your review was cleared.', savedAt: null, effective: '1/2', cleared: true },
    );
    expect(screen.getByRole('radio', { name: '1 of 1' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Clear my review…' }));
    await user.click(screen.getByRole('button', { name: 'Clear my review' }));
    expect(sent(action)).toMatchObject({ intent: 'clear' });
    expect(await screen.findByRole('radio', { name: 'Use automatic (0)' })).toBeChecked();
    expect(screen.getByLabelText(/Total override/)).toHaveValue(null);
    expect(screen.getByLabelText(/Comment/)).toHaveValue('');
    expect(screen.queryByRole('button', { name: /Clear my review/ })).toBeNull();
  });

  it('says when there is no next or previous response', () => {
    setup({ prevHref: null, nextHref: null });
    expect(screen.getByText('This is the first response.')).toBeInTheDocument();
    expect(screen.getByText('This is the last response.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save and next' })).toBeDisabled();
  });
});

describe('isTypingTarget', () => {
  it('treats text-like fields as typing, radios and buttons not', () => {
    const make = (html: string) => {
      const d = document.createElement('div');
      d.innerHTML = html;
      return d.firstElementChild;
    };
    expect(isTypingTarget(make('<textarea></textarea>'))).toBe(true);
    expect(isTypingTarget(make('<input type="number">'))).toBe(true);
    expect(isTypingTarget(make('<input>'))).toBe(true);
    expect(isTypingTarget(make('<select></select>'))).toBe(true);
    expect(isTypingTarget(make('<input type="radio">'))).toBe(false);
    expect(isTypingTarget(make('<button></button>'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
