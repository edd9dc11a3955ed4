// @vitest-environment jsdom
/**
 * Autosave in the classroom: the question card with the classroom provider,
 * the save status, and the outbox through offline → queued → online → sent.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClassroomAttemptProvider } from './classroom-attempt-provider';
import { ClassroomSaveStatus, ClassroomSubmit } from './classroom-submit';
import { QuestionCard } from './question-card';
import type { PublicQuestion } from '@/lib/content/public';
import type { StudentAttemptView } from '@/lib/classroom/student-view';
import { AttemptSync, outboxKey } from '@/lib/exercise/outbox';

const ATTEMPT = '11111111-1111-4111-8111-111111111111';
const q: PublicQuestion = { id: 'attack-count', kind: 'short', points: 1, prompt: 'How many attacks?', paragraphs: [2] };

function view(over: Partial<StudentAttemptView> = {}): StudentAttemptView {
  return {
    attempt: { id: ATTEMPT, displayName: 'Sam', status: 'in-progress', submittedAt: null },
    assignment: { title: 'Who says so?', feedbackMode: 'after-submit', dueAt: null, closed: false, returned: false },
    answers: {},
    canCheck: false,
    pendingFeedback: 'Feedback appears here after you submit.',
    ...over,
  };
}

function ui(initial = view()) {
  return render(
    <ClassroomAttemptProvider attemptId={ATTEMPT} exerciseId="ex" initial={initial}>
      <ClassroomSaveStatus />
      <QuestionCard question={q} number={1} paragraphs={['p1', 'p2']} />
      <ClassroomSubmit questionCount={1} />
    </ClassroomAttemptProvider>,
  );
}

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  localStorage.clear();
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) { this.open = true; };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) { this.open = false; };
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('classroom autosave', () => {
  it('offline → queued in localStorage with "Offline — will retry" → online → sent and "Saved"', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let online = false;
    const bodies: { answer: unknown; seq: number }[] = [];
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (!online) throw new TypeError('Failed to fetch');
      const b = JSON.parse(String(init?.body));
      bodies.push(b);
      return ok({ seq: b.seq, savedAt: '2025-01-01T10:00:00.000Z', applied: true });
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    ui();
    expect(screen.getByTestId('save-status')).toHaveTextContent('Your answers save automatically');
    expect(screen.queryByRole('button', { name: 'Check' })).toBeNull(); // after-submit mode: no Check
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'seven');
    // Kept on the device at once, before any request.
    const stored = JSON.parse(localStorage.getItem(outboxKey(ATTEMPT))!);
    expect(stored.pending['attack-count'].answer).toEqual({ text: 'seven' });
    expect(screen.getByTestId('save-status')).toHaveTextContent('Saving…');
    await act(async () => { await vi.advanceTimersByTimeAsync(900); });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('save-status')).toHaveTextContent('Offline — will retry');
    expect(screen.getByTestId('save-status')).toHaveTextContent('kept on this device');
    // Back online: the browser's `online` event sends it at once.
    online = true;
    await act(async () => {
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(bodies.at(-1)).toEqual({ answer: { text: 'seven' }, seq: stored.pending['attack-count'].seq });
    expect(screen.getByTestId('save-status')).toHaveTextContent('Saved');
    expect(JSON.parse(localStorage.getItem(outboxKey(ATTEMPT)) ?? '{"pending":{}}').pending).toEqual({});
    expect((fetchMock.mock.calls.at(-1) as unknown as [string])[0]).toBe(`/api/attempts/${ATTEMPT}/answers/attack-count`);
  });

  it('a reload sends what was left unsent, newer than the server copy', async () => {
    localStorage.setItem(outboxKey(ATTEMPT), JSON.stringify({ v: 1, counter: 9, pending: { 'attack-count': { answer: { text: 'unsent' }, seq: 9 } } }));
    const fetchMock = vi.fn(async (_u: string, init?: RequestInit) => ok({ seq: JSON.parse(String(init?.body)).seq, savedAt: '2025-01-01T10:00:00.000Z', applied: true }));
    vi.stubGlobal('fetch', fetchMock);
    ui(view({ answers: { 'attack-count': { answer: { text: 'old' }, seq: 4, savedAt: '2025-01-01T09:00:00.000Z' } } }));
    expect(await screen.findByDisplayValue('unsent')).toBeInTheDocument();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(JSON.parse(String((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body))).toEqual({ answer: { text: 'unsent' }, seq: 9 });
    expect(await screen.findByText('Saved', { selector: '[data-testid="save-status"] span' })).toBeInTheDocument();
  });

  it('an outbox entry older than the server copy is dropped, not resent', () => {
    localStorage.setItem(outboxKey(ATTEMPT), JSON.stringify({ v: 1, counter: 3, pending: { q: { answer: { text: 'stale' }, seq: 3 } } }));
    const sync = new AttemptSync({ attemptId: ATTEMPT, server: { q: { answer: { text: 'newer' }, seq: 5, savedAt: 'x' } }, storage: localStorage, fetch: vi.fn(), onChange: () => undefined });
    expect(sync.answer('q')).toEqual({ text: 'newer' });
    expect(sync.hasUnsent()).toBe(false);
    sync.edit('q', { text: 'next' });
    expect(JSON.parse(localStorage.getItem(outboxKey(ATTEMPT))!).pending.q.seq).toBe(6); // above every seq seen
    sync.dispose();
  });

  it('a 409 stops retrying and says why; the answers become read-only', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'conflict', message: 'This assignment is closed to new answers.' } }), { status: 409 }));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    ui();
    const box = screen.getByRole('textbox', { name: 'Your answer' });
    await user.type(box, 'x');
    await user.tab(); // blur saves at once
    expect(await screen.findByText(/Not saved: This assignment is closed/, { selector: '[data-testid="save-status"] span' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toBeDisabled();
    const calls = fetchMock.mock.calls.length;
    await new Promise((r) => setTimeout(r, 1200));
    expect(fetchMock.mock.calls.length).toBe(calls);
  });

  it('a 422 shows the message and keeps the text; other questions are unaffected', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'invalid', message: 'answer.text: Your answer is longer than 2,000 characters: shorten it to save it.', field: 'answer.text' } }), { status: 422 })));
    const user = userEvent.setup();
    ui();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'abc');
    await user.tab();
    expect(await screen.findByText(/shorten it to save it/, { selector: '[data-testid="save-status"] span' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveValue('abc');
  });

  it('submit saves first, then submits once; the card becomes read-only and the mode message shows', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method} ${url}`);
      if (url.endsWith('/submit'))
        return ok(view({ attempt: { id: ATTEMPT, displayName: 'Sam', status: 'submitted', submittedAt: '2025-01-01T10:00:00.000Z' }, assignment: { title: 'Who says so?', feedbackMode: 'when-returned', dueAt: null, closed: false, returned: false }, answers: { 'attack-count': { answer: { text: '7' }, seq: 1, savedAt: 'x' } }, pendingFeedback: 'Submitted. Your teacher will return feedback.' }));
      const b = JSON.parse(String(init?.body));
      return ok({ seq: b.seq, savedAt: '2025-01-01T10:00:00.000Z', applied: true });
    }));
    const user = userEvent.setup();
    ui();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '7');
    await user.click(screen.getByRole('button', { name: 'Submit my work' }));
    expect(screen.getByRole('dialog')).toHaveTextContent('you cannot change your answers');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText('Submitted. Your teacher will return feedback.')).toBeInTheDocument();
    expect(calls.at(-1)).toBe(`POST /api/attempts/${ATTEMPT}/submit`);
    expect(calls.filter((c) => c.startsWith('PUT')).length).toBeGreaterThanOrEqual(1);
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toBeDisabled();
    expect(screen.queryByTestId('save-status')).toBeNull();
  });
});
