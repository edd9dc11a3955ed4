'use client';
/**
 * Holds one student's work on one exercise in the browser: answers (saved to
 * localStorage on every change, so a refresh or a closed tab loses nothing),
 * check results, and the "Check" call to the server, which grades with the
 * answer key the browser never sees.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { answerKey, emptyProgress, parseProgress, storageKey, type Progress } from '@/lib/exercise/progress';
import type { GradeResult } from '@/lib/grading/types';

/**
 * What the question cards read and call. Two providers implement it: this
 * self-study one (answers in localStorage) and the classroom one
 * (components/classroom-attempt-provider.tsx: answers saved to the server).
 * The optional fields are for the classroom; left out, a card behaves as in
 * self-study.
 */
export interface ExerciseContextValue {
  exerciseId: string;
  progress: Progress;
  loaded: boolean;
  storageError: boolean;
  checking: ReadonlySet<string>;
  errors: Readonly<Record<string, string | undefined>>;
  setAnswer: (questionId: string, answer: unknown) => void;
  check: (questionId: string) => Promise<void>;
  reset: () => void;
  /** Answers are shown but cannot be changed (e.g. after submitting). */
  readOnly?: boolean;
  /** False hides the Check button (feedback not shown while working). Default true. */
  canCheck?: boolean;
  /** Per-question save state, in words ("Saving…", "Saved", "Offline — will retry"). */
  saveStatus?: (questionId: string) => string | undefined;
  /** Save a question now (focus left it). */
  flush?: (questionId: string) => void;
}

export const ExerciseContext = createContext<ExerciseContextValue | null>(null);

export function useExercise(): ExerciseContextValue {
  const ctx = useContext(ExerciseContext);
  if (!ctx) throw new Error('useExercise must be used inside <ExerciseProvider>');
  return ctx;
}

async function requestCheck(exerciseId: string, questionId: string, answer: unknown): Promise<GradeResult> {
  let res: Response;
  try {
    res = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ questionId, answer }),
    });
  } catch {
    throw new Error('Could not reach the server. Your answer is saved in this browser; try again when you are online.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const msg = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(msg ?? `The check failed (error ${res.status}). Your answer is saved; try again.`);
  }
  return body as GradeResult;
}

interface ProviderProps {
  exerciseId: string;
  children: React.ReactNode;
  /** False keeps answers in memory only (a teacher's preview). Default true. */
  persist?: boolean;
  /** False hides the Check buttons. Default true. */
  canCheck?: boolean;
}

export function ExerciseProvider({ exerciseId, children, persist = true, canCheck }: ProviderProps) {
  const [progress, setProgress] = useState<Progress>(emptyProgress);
  const [loaded, setLoaded] = useState(false);
  const [storageError, setStorageError] = useState(false);
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const progressRef = useRef(progress);
  progressRef.current = progress;

  useEffect(() => {
    let raw: string | null = null;
    try {
      if (persist) raw = window.localStorage.getItem(storageKey(exerciseId));
    } catch {
      setStorageError(true);
    }
    setProgress(parseProgress(raw));
    setLoaded(true);
  }, [exerciseId, persist]);

  useEffect(() => {
    if (!loaded || !persist) return; // never overwrite saved work with the empty initial state
    try {
      window.localStorage.setItem(storageKey(exerciseId), JSON.stringify({ ...progress, updatedAt: new Date().toISOString() }));
      setStorageError(false);
    } catch {
      setStorageError(true);
    }
  }, [exerciseId, progress, loaded, persist]);

  const setAnswer = useCallback((questionId: string, answer: unknown) => {
    setProgress((p) => ({ ...p, answers: { ...p.answers, [questionId]: answer } }));
    setErrors((e) => (e[questionId] ? { ...e, [questionId]: undefined } : e));
  }, []);

  const check = useCallback(
    async (questionId: string) => {
      const answer = progressRef.current.answers[questionId];
      setChecking((s) => new Set(s).add(questionId));
      setErrors((e) => ({ ...e, [questionId]: undefined }));
      try {
        const result = await requestCheck(exerciseId, questionId, answer ?? null);
        setProgress((p) => ({ ...p, results: { ...p.results, [questionId]: { result, answerKey: answerKey(answer) } } }));
      } catch (e) {
        setErrors((x) => ({ ...x, [questionId]: (e as Error).message }));
      } finally {
        setChecking((s) => {
          const n = new Set(s);
          n.delete(questionId);
          return n;
        });
      }
    },
    [exerciseId],
  );

  const reset = useCallback(() => {
    setProgress(emptyProgress());
    setErrors({});
    try {
      if (persist) window.localStorage.removeItem(storageKey(exerciseId));
    } catch {
      /* storage unavailable: state is cleared anyway */
    }
  }, [exerciseId, persist]);

  const value = useMemo(
    () => ({ exerciseId, progress, loaded, storageError, checking, errors, setAnswer, check, reset, ...(canCheck === undefined ? {} : { canCheck }) }),
    [exerciseId, progress, loaded, storageError, checking, errors, setAnswer, check, reset, canCheck],
  );
  return <ExerciseContext.Provider value={value}>{children}</ExerciseContext.Provider>;
}
