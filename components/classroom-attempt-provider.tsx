'use client';
/**
 * A student's attempt in class, for the same question cards as self-study:
 * answers are saved to the server as the student types (lib/exercise/outbox.ts
 * keeps unsent ones in localStorage and retries), Check asks the server for
 * the stored answer's grade (only where the feedback mode allows), and after
 * submitting everything is read-only, with feedback as the mode releases it.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ExerciseContext, type ExerciseContextValue } from './exercise-provider';
import { AttemptSync, saveStateText, type SaveState } from '@/lib/exercise/outbox';
import { answerKey, STORAGE_VERSION, type Progress } from '@/lib/exercise/progress';
import type { StudentAttemptView } from '@/lib/classroom/student-view';
import type { GradeResult } from '@/lib/grading/types';

export interface ClassroomContextValue {
  view: StudentAttemptView;
  /** Worst save state across questions ("Offline — will retry" beats "Saving…" beats "Saved"). */
  overall: SaveState | null;
  /** Why saving stopped for good (submitted elsewhere, closed, signed out), if it did. */
  stopped: string | null;
  submitting: boolean;
  submitError: string | null;
  submit: () => Promise<boolean>;
}

const ClassroomContext = createContext<ClassroomContextValue | null>(null);

export function useClassroom(): ClassroomContextValue {
  const ctx = useContext(ClassroomContext);
  if (!ctx) throw new Error('useClassroom must be used inside <ClassroomAttemptProvider>');
  return ctx;
}

type Results = Progress['results'];

function resultsFrom(view: StudentAttemptView): Results {
  const out: Results = {};
  for (const [q, r] of Object.entries(view.feedback ?? {})) out[q] = { result: r, answerKey: answerKey(view.answers[q]?.answer) };
  return out;
}

function randomKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function errorMessage(res: Response, fallback: string): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? fallback;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

interface Props {
  attemptId: string;
  exerciseId: string;
  initial: StudentAttemptView;
  children: React.ReactNode;
}

export function ClassroomAttemptProvider({ attemptId, exerciseId, initial, children }: Props) {
  const [view, setView] = useState(initial);
  const [results, setResults] = useState<Results>(() => resultsFrom(initial));
  const [loaded, setLoaded] = useState(false);
  const [, setTick] = useState(0);
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const syncRef = useRef<AttemptSync | null>(null);
  const serverAnswers = useRef(initial.answers);

  useEffect(() => {
    const sync = new AttemptSync({
      attemptId,
      server: serverAnswers.current,
      storage: safeStorage(),
      fetch: (...a) => fetch(...a),
      onChange: () => setTick((t) => t + 1),
    });
    syncRef.current = sync;
    setLoaded(true);
    setTick((t) => t + 1);
    const online = () => sync.online();
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (sync.hasUnsent()) e.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    // Edits left unsent by an earlier visit go now.
    if (initial.attempt.status === 'in-progress' && !initial.assignment.closed) void sync.flushAll();
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
      sync.dispose();
      syncRef.current = null;
    };
  }, [attemptId, initial.attempt.status, initial.assignment.closed]);

  const sync = syncRef.current;
  const submitted = view.attempt.status === 'submitted';
  const stopped = sync?.stopped() ?? null;
  const readOnly = submitted || view.assignment.closed || !!stopped;
  const answers = sync ? sync.allAnswers() : Object.fromEntries(Object.entries(view.answers).map(([q, a]) => [q, a.answer]));

  const setAnswer = useCallback((questionId: string, answer: unknown) => {
    syncRef.current?.edit(questionId, answer);
    setErrors((e) => (e[questionId] ? { ...e, [questionId]: undefined } : e));
  }, []);

  const flush = useCallback((questionId: string) => {
    void syncRef.current?.flush(questionId);
  }, []);

  const check = useCallback(
    async (questionId: string) => {
      const s = syncRef.current;
      if (!s) return;
      setChecking((c) => new Set(c).add(questionId));
      setErrors((e) => ({ ...e, [questionId]: undefined }));
      try {
        const answer = s.answer(questionId);
        await s.flush(questionId);
        const state = s.state(questionId);
        if (state?.kind !== 'saved') throw new Error(state?.kind === 'error' || state?.kind === 'stopped' ? state.message : 'Your answer is not saved yet (offline). It will be checked once it is saved; try again in a moment.');
        let res: Response;
        try {
          res = await fetch(`/api/attempts/${encodeURIComponent(attemptId)}/check/${encodeURIComponent(questionId)}`, { method: 'POST', credentials: 'same-origin' });
        } catch {
          throw new Error('Could not reach the server. Your answer is kept; try again when you are online.');
        }
        if (!res.ok) throw new Error(await errorMessage(res, `The check failed (error ${res.status}). Your answer is kept; try again.`));
        const result = (await res.json()) as GradeResult;
        setResults((r) => ({ ...r, [questionId]: { result, answerKey: answerKey(answer) } }));
      } catch (e) {
        setErrors((x) => ({ ...x, [questionId]: (e as Error).message }));
      } finally {
        setChecking((c) => {
          const n = new Set(c);
          n.delete(questionId);
          return n;
        });
      }
    },
    [attemptId],
  );

  /** Go back to the server's copy of every answer, dropping edits that could not be saved. */
  const reset = useCallback(() => {
    syncRef.current?.discardUnsent(view.answers);
    setErrors({});
  }, [view.answers]);

  const submit = useCallback(async (): Promise<boolean> => {
    const s = syncRef.current;
    if (!s) return false;
    setSubmitting(true);
    setSubmitError(null);
    try {
      await s.flushAll();
      if (s.hasUnsent()) {
        setSubmitError(s.stopped() ?? 'Some answers are not saved yet, so your work was not submitted. They are kept on this device: submit again when "Saved" shows.');
        return false;
      }
      const key = s.submitKey ?? randomKey();
      s.submitKey = key;
      let res: Response;
      try {
        res = await fetch(`/api/attempts/${encodeURIComponent(attemptId)}/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ idempotencyKey: key }),
          credentials: 'same-origin',
        });
      } catch {
        setSubmitError('Could not reach the server, so your work was not submitted yet. Your answers are saved; try again when you are online.');
        return false;
      }
      if (!res.ok) {
        setSubmitError(await errorMessage(res, `Submitting failed (error ${res.status}). Your answers are saved; try again.`));
        return false;
      }
      const next = (await res.json()) as StudentAttemptView;
      s.submitKey = undefined;
      setView(next);
      setResults(resultsFrom(next));
      return true;
    } finally {
      setSubmitting(false);
    }
  }, [attemptId]);

  // Waiting for the teacher to return feedback: look again now and then.
  const waitingForReturn = submitted && !view.feedback && view.assignment.feedbackMode === 'when-returned';
  useEffect(() => {
    if (!waitingForReturn) return;
    const id = window.setInterval(async () => {
      try {
        const res = await fetch(`/api/attempts/${encodeURIComponent(attemptId)}`, { credentials: 'same-origin', cache: 'no-store' });
        if (!res.ok) return;
        const next = (await res.json()) as StudentAttemptView;
        if (next.feedback) {
          setView(next);
          setResults(resultsFrom(next));
        }
      } catch {
        /* offline: try at the next interval */
      }
    }, 30_000);
    return () => window.clearInterval(id);
  }, [waitingForReturn, attemptId]);

  // The sync object changes answers in place; a fresh copy each render keeps the cards current.
  const progress: Progress = { v: STORAGE_VERSION, answers: { ...answers }, results };
  const saveStatus = useCallback((questionId: string) => {
    const st = syncRef.current?.state(questionId);
    return st ? saveStateText(st) : undefined;
  }, []);

  const exerciseValue: ExerciseContextValue = {
    exerciseId,
    progress,
    loaded,
    storageError: sync ? !sync.storageWorks() : false,
    checking,
    errors,
    setAnswer,
    check,
    reset,
    readOnly,
    canCheck: view.canCheck,
    saveStatus: readOnly ? undefined : saveStatus,
    flush,
  };
  const classroomValue: ClassroomContextValue = { view, overall: sync?.overall() ?? null, stopped, submitting, submitError, submit };
  return (
    <ClassroomContext.Provider value={classroomValue}>
      <ExerciseContext.Provider value={exerciseValue}>{children}</ExerciseContext.Provider>
    </ClassroomContext.Provider>
  );
}
