// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExerciseProvider } from './exercise-provider';
import { QuestionCard } from './question-card';
import { StartOver } from './start-over';
import type { PublicQuestion } from '@/lib/content/public';
import { storageKey } from '@/lib/exercise/progress';

const q: PublicQuestion = {
  id: 'single-source', kind: 'text', points: 2, prompt: 'Who is the source?', paragraphs: [1], maxLength: 2000,
  criteria: [{ id: 'names-source', label: 'Names the source', points: 1 }, { id: 'reason', label: 'Explains why', points: 1 }],
};
const result = {
  questionId: 'single-source', score: 1, maxScore: 2, needsReview: false, reviewReasons: [],
  criteria: [
    { id: 'names-source', label: 'Names the source', score: 1, maxScore: 1, feedback: 'You named the source.', evidence: [] },
    { id: 'reason', label: 'Explains why', score: 0, maxScore: 1, feedback: 'Say what could go wrong.', evidence: [] },
  ],
  feedback: [], hint: 'Look at paragraph 1.',
};

function ui() {
  return render(
    <ExerciseProvider exerciseId="ex">
      <StartOver />
      <QuestionCard question={q} number={3} paragraphs={['p1']} />
    </ExerciseProvider>,
  );
}

beforeEach(() => {
  localStorage.clear();
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) { this.open = true; };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) { this.open = false; };
});
afterEach(() => vi.unstubAllGlobals());

describe('QuestionCard', () => {
  it('checks an answer on the server and shows criteria met and missing, with the hint', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    ui();
    const check = screen.getByRole('button', { name: 'Check' });
    expect(check).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'Tekushev');
    await user.click(check);
    expect(fetchMock).toHaveBeenCalledWith('/api/exercises/ex/check', expect.objectContaining({ method: 'POST' }));
    expect(JSON.parse((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({ questionId: 'single-source', answer: { text: 'Tekushev' } });
    expect(await screen.findByText(/1 of 2 points/)).toBeInTheDocument();
    expect(screen.getByText(/Names the source — met/)).toBeInTheDocument();
    expect(screen.getByText(/Explains why — missing/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Look at paragraph 1.' })).toHaveAttribute('href', '#para-1');
    // Revising marks the old result out of date.
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), ' because');
    expect(screen.getByText(/You changed your answer/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeEnabled();
  });

  it('keeps the answer and says so when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline'); }));
    const user = userEvent.setup();
    ui();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'abc');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the server');
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveValue('abc');
  });

  it('saves answers in localStorage and restores them after a reload', async () => {
    const user = userEvent.setup();
    const first = ui();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'kept');
    expect(JSON.parse(localStorage.getItem(storageKey('ex'))!).answers['single-source']).toEqual({ text: 'kept' });
    first.unmount();
    ui();
    expect(await screen.findByDisplayValue('kept')).toBeInTheDocument();
  });

  it('start over asks first, and clears only after confirmation', async () => {
    const user = userEvent.setup();
    ui();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'draft');
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    await user.click(screen.getByRole('button', { name: 'Keep my answers', hidden: true }));
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveValue('draft');
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    await user.click(screen.getByRole('button', { name: 'Clear everything', hidden: true }));
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveValue('');
    expect(localStorage.getItem(storageKey('ex'))).not.toContain('draft');
  });
});
