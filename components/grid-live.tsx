'use client';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { GridData, GridSummary } from '@/lib/db/review';
import { GridTable } from './grid-table';

export const POLL_MS = 5000;

/** "12 joined, 5 submitted, 3 need review": the live line a screen reader hears when it changes. */
export function summaryText(s: GridSummary): string {
  return `${s.joined} joined, ${s.submitted} submitted, ${s.needReview} ${s.needReview === 1 ? 'answer needs' : 'answers need'} review`;
}

/**
 * The results grid, kept fresh while the tab is visible: it polls the grid
 * JSON every few seconds (a 304 when nothing changed), re-renders only then, and
 * announces the one-line summary politely (unchanged data says nothing).
 */
export function GridLive({ initial, intervalMs = POLL_MS }: { initial: GridData; intervalMs?: number }) {
  const [data, setData] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [stopped, setStopped] = useState(false);
  const etag = useRef<string | null>(null);
  const url = `/teacher/assignments/${initial.assignment.id}/grid`;

  useEffect(() => {
    if (stopped) return;
    let controller: AbortController | null = null;
    let alive = true;
    const tick = async () => {
      if (document.visibilityState !== 'visible') return;
      controller?.abort();
      controller = new AbortController();
      try {
        const headers: Record<string, string> = { accept: 'application/json' };
        if (etag.current) headers['if-none-match'] = etag.current;
        const res = await fetch(url, { cache: 'no-store', headers, signal: controller.signal });
        if (!alive) return;
        if (res.status === 304) {
          setProblem(null);
          return;
        }
        if (res.status === 401 || res.status === 404) {
          setProblem(res.status === 401 ? 'Live updates stopped: you are signed out. Sign in again and reload.' : 'Live updates stopped: this assignment is no longer available.');
          setStopped(true);
          return;
        }
        if (!res.ok) {
          setProblem('Live updates paused: the server did not answer. Trying again…');
          return;
        }
        const next = (await res.json()) as GridData;
        if (!alive) return;
        setProblem(null);
        const tag = res.headers.get('etag');
        // Unchanged data (same ETag) changes nothing on the page, so nothing is re-announced.
        if (!tag || tag !== etag.current) setData(next);
        etag.current = tag;
      } catch (e) {
        if ((e as { name?: string }).name === 'AbortError' || !alive) return;
        setProblem('Live updates paused: no connection. Trying again…');
      }
    };
    const timer = setInterval(tick, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      controller?.abort();
    };
  }, [url, intervalMs, stopped]);

  const pending = data.summary.needReview;
  return (
    <section aria-labelledby="results-title" className="grid-live">
      <div className="grid-live__head">
        <h2 id="results-title">Results</h2>
        <p className="grid-live__summary" role="status" aria-live="polite" aria-atomic="true">
          {summaryText(data.summary)}
        </p>
      </div>
      <p className="grid-live__actions">
        <Link className="btn" href={`/teacher/assignments/${data.assignment.id}/review`}>
          Review answers ({pending} need{pending === 1 ? 's' : ''} review)
        </Link>
        <span className="status">{stopped ? 'Not updating.' : 'Updates every few seconds while this tab is open.'}</span>
      </p>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <GridTable data={data} />
      {data.questions.length > 0 && (
        <details className="grid-questions">
          <summary>The questions (Q1–Q{data.questions.length})</summary>
          <ol>
            {data.questions.map((q) => (
              <li key={q.id}>
                {q.prompt} <span className="meta">({q.maxScore} {q.maxScore === 1 ? 'point' : 'points'})</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
