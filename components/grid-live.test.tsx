// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { GridLive, summaryText } from './grid-live';
import type { GridData } from '@/lib/db/review';

const A = '11111111-1111-4111-8111-111111111111';

function grid(overrides: Partial<GridData['summary']> = {}, extraRow = false): GridData {
  const rows: GridData['rows'] = [
    {
      attemptId: 'a1',
      name: 'Sam (2)',
      status: 'submitted',
      startedAt: '2025-03-04T09:00:00.000Z',
      submittedAt: '2025-03-04T09:30:00.000Z',
      cells: {
        q1: { score: 1, maxScore: 1, autoScore: 0, adjusted: true, needsReview: false },
        q2: { score: 1, maxScore: 2, autoScore: 1, adjusted: false, needsReview: true },
      },
      total: 2,
      autoTotal: 1,
      maxTotal: 3,
      adjusted: true,
      needsReview: 1,
    },
  ];
  if (extraRow)
    rows.push({ attemptId: 'a2', name: 'Zoë', status: 'in-progress', startedAt: '2025-03-04T09:01:00.000Z', submittedAt: null, cells: {}, total: 0, autoTotal: 0, maxTotal: 3, adjusted: false, needsReview: 0 });
  return {
    assignment: { id: A, title: 'T', classId: 'c', className: 'C', exerciseId: 'e', exerciseTitle: 'E', feedbackMode: 'when-returned', joinCode: 'ABCD', dueAt: null, closedAt: null, returnedAt: null },
    questions: [
      { id: 'q1', number: 1, kind: 'choice', prompt: 'First?', maxScore: 1 },
      { id: 'q2', number: 2, kind: 'text', prompt: 'Second?', maxScore: 2 },
    ],
    rows,
    summary: { joined: rows.length, submitted: 1, needReview: 1, ...overrides },
  };
}

let visibility: DocumentVisibilityState = 'visible';
const fetchMock = vi.fn();

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const reply = (body: unknown, status = 200, etag?: string) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...(etag ? { etag } : {}) } }));
const advance = async (ms: number) => {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
};

describe('GridLive', () => {
  it('renders an accessible table: caption, column and row headers, scores as text with markers', () => {
    render(<GridLive initial={grid()} intervalMs={1000} />);
    const table = screen.getByRole('table');
    expect(table).toHaveAccessibleName(/Results by student and question/);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Student', 'Status', 'Q1 /1', 'Q2 /2', 'Total']);
    const row = within(table).getByRole('row', { name: /Sam \(2\)/ });
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Sam (2)');
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(/✓ Submitted/);
    expect(cells[1]).toHaveTextContent('1/1 ✎ auto 0, changed by you');
    expect(cells[2]).toHaveTextContent('1/2 ⚑ review');
    expect(within(cells[2]!).getByRole('link')).toHaveAttribute('href', `/teacher/assignments/${A}/review?r=${encodeURIComponent('a1:q2')}`);
    expect(cells[3]).toHaveTextContent('2/3 ✎ auto 1 ⚑ 1 to review');
    expect(screen.getByRole('status')).toHaveTextContent('1 joined, 1 submitted, 1 answer needs review');
    expect(screen.getByRole('link', { name: 'Review answers (1 needs review)' })).toBeInTheDocument();
  });

  it('polls while visible and updates the table and the live summary only when data changed', async () => {
    render(<GridLive initial={grid()} intervalMs={1000} />);
    const status = screen.getByRole('status');
    fetchMock.mockImplementation(() => reply(grid(), 200, '"v1"'));
    await advance(1000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe(`/teacher/assignments/${A}/grid`);
    const before = status.firstChild;
    // The next poll is conditional; a 304 changes nothing.
    fetchMock.mockImplementation(() => Promise.resolve(new Response(null, { status: 304 })));
    await advance(1000);
    expect((fetchMock.mock.calls[1]![1] as RequestInit).headers).toMatchObject({ 'if-none-match': '"v1"' });
    expect(status.firstChild).toBe(before); // unchanged data: the live region is not touched
    expect(status).toHaveTextContent('1 joined, 1 submitted, 1 answer needs review');
    fetchMock.mockImplementation(() => reply(grid({ joined: 2, needReview: 3 }, true), 200, '"v2"'));
    await advance(1000);
    expect(status).toHaveTextContent('2 joined, 1 submitted, 3 answers need review');
    expect(screen.getByRole('row', { name: /Zoë/ })).toHaveTextContent(/In progress/);
  });

  it('does not poll while the tab is hidden, and refreshes when it becomes visible', async () => {
    render(<GridLive initial={grid()} intervalMs={1000} />);
    fetchMock.mockImplementation(() => reply(grid()));
    visibility = 'hidden';
    await advance(5000);
    expect(fetchMock).not.toHaveBeenCalled();
    visibility = 'visible';
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('says when updates pause (network) and stops on 404', async () => {
    render(<GridLive initial={grid()} intervalMs={1000} />);
    fetchMock.mockImplementation(() => Promise.reject(new TypeError('offline')));
    await advance(1000);
    expect(screen.getByRole('alert')).toHaveTextContent(/paused: no connection/);
    fetchMock.mockImplementation(() => reply({ error: { code: 'not_found' } }, 404));
    await advance(1000);
    expect(screen.getByRole('alert')).toHaveTextContent(/stopped/);
    const calls = fetchMock.mock.calls.length;
    await advance(5000);
    expect(fetchMock.mock.calls.length).toBe(calls);
  });

  it('explains an empty roster with the join code', () => {
    const g = grid();
    render(<GridLive initial={{ ...g, rows: [], summary: { joined: 0, submitted: 0, needReview: 0 } }} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/Nobody has joined yet/)).toHaveTextContent('ABCD');
    expect(summaryText({ joined: 0, submitted: 0, needReview: 0 })).toBe('0 joined, 0 submitted, 0 answers need review');
  });
});
