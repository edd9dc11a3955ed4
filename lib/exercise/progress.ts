/**
 * A student's progress on one exercise, as kept in the browser (localStorage):
 * answers, and the last check result for each with the answer it was for, so a
 * changed answer shows its old result as out of date. Parsing is defensive: a
 * corrupt or old entry is dropped, never crashes the page.
 */
import type { CriterionResult, GradeResult, PartVerdict } from '../grading/types';

export const STORAGE_VERSION = 1;

export interface Progress {
  v: typeof STORAGE_VERSION;
  answers: Record<string, unknown>;
  /** The last check result per question, with the answer it was for (answerKey). */
  results: Record<string, { result: GradeResult; answerKey: string }>;
  updatedAt?: string;
}

// This module runs in the browser on every reader page, so it validates stored
// progress by hand rather than with zod (about 30 KB gzipped of client
// JavaScript, and zod probes `new Function` which the page's CSP forbids).
// Same rules as a zod object schema: every listed field must have its type,
// unknown fields are dropped, anything else makes the whole entry invalid.

/** Thrown (and caught in parseProgress) when stored progress does not match. */
class Invalid extends Error {}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
function obj(x: unknown): Obj {
  if (!isObj(x)) throw new Invalid();
  return x;
}
function str(x: unknown): string {
  if (typeof x !== 'string') throw new Invalid();
  return x;
}
function num(x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Invalid();
  return x;
}
function bool(x: unknown): boolean {
  if (typeof x !== 'boolean') throw new Invalid();
  return x;
}
function arr<T>(x: unknown, item: (v: unknown) => T): T[] {
  if (!Array.isArray(x)) throw new Invalid();
  return x.map(item);
}
/** An optional field: absent (or undefined) stays absent. */
function opt<K extends string, T>(o: Obj, key: K, read: (v: unknown) => T): { [P in K]?: T } {
  return (o[key] === undefined ? {} : { [key]: read(o[key]) }) as { [P in K]?: T };
}
/** A record with string keys; values read by `value`. A "__proto__" key is dropped (as zod does). */
function record<T>(x: unknown, value: (v: unknown) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(obj(x))) if (k !== '__proto__') out[k] = value(v);
  return out;
}

function criterion(x: unknown): CriterionResult {
  const o = obj(x);
  return {
    id: str(o.id),
    label: str(o.label),
    score: num(o.score),
    maxScore: num(o.maxScore),
    feedback: str(o.feedback),
    evidence: arr(o.evidence, (e) => {
      const span = obj(e);
      return { start: num(span.start), end: num(span.end) };
    }),
  };
}

function part(x: unknown): PartVerdict {
  const o = obj(x);
  return { id: str(o.id), correct: bool(o.correct), ...opt(o, 'feedback', str) };
}

/** Mirrors GradeResult (lib/grading/types.ts); the return type keeps the two in step. */
function gradeResult(x: unknown): GradeResult {
  const o = obj(x);
  return {
    questionId: str(o.questionId),
    score: num(o.score),
    maxScore: num(o.maxScore),
    needsReview: bool(o.needsReview),
    reviewReasons: arr(o.reviewReasons, str),
    ...opt(o, 'criteria', (v) => arr(v, criterion)),
    ...opt(o, 'parts', (v) => arr(v, part)),
    feedback: arr(o.feedback, str),
    ...opt(o, 'hint', str),
  };
}

/** Stored progress in the current format, or throws Invalid. */
function progress(x: unknown): Progress {
  const o = obj(x);
  if (o.v !== STORAGE_VERSION) throw new Invalid();
  return {
    v: STORAGE_VERSION,
    answers: record(o.answers, (v) => v),
    results: record(o.results, (r) => {
      const e = obj(r);
      return { result: gradeResult(e.result), answerKey: str(e.answerKey) };
    }),
    ...opt(o, 'updatedAt', str),
  };
}

export function emptyProgress(): Progress {
  return { v: STORAGE_VERSION, answers: {}, results: {} };
}

export function storageKey(exerciseId: string): string {
  return `close-reader:exercise:${exerciseId}:v${STORAGE_VERSION}`;
}

/** Stable string for "is this the answer that was checked?" comparisons. */
export function answerKey(answer: unknown): string {
  return JSON.stringify(answer ?? null);
}

export function parseProgress(raw: string | null): Progress {
  if (!raw) return emptyProgress();
  try {
    return progress(JSON.parse(raw));
  } catch {
    return emptyProgress();
  }
}

export function isCurrent(progress: Progress, questionId: string): boolean {
  const r = progress.results[questionId];
  return !!r && r.answerKey === answerKey(progress.answers[questionId]);
}

/** True when the answer has something in it worth checking. */
export function hasAnswer(answer: unknown): boolean {
  if (answer === undefined || answer === null) return false;
  if (typeof answer !== 'object') return false;
  const a = answer as Record<string, unknown>;
  if (Array.isArray(a.choice)) return a.choice.length > 0;
  if (typeof a.text === 'string') return a.text.trim().length > 0;
  if (typeof a.quote === 'string') return a.quote.trim().length > 0;
  if (a.assignments && typeof a.assignments === 'object') return Object.values(a.assignments).some((v) => typeof v === 'string' && v !== '');
  return false;
}

export interface SectionScore {
  id: string;
  title: string;
  score: number;
  maxScore: number;
  checked: number;
  questions: number;
}

/** Scores per section from the current (not out-of-date) results. */
export function summarize(
  sections: readonly { id: string; title: string; questions: readonly { id: string; points: number }[] }[],
  progress: Progress,
): { sections: SectionScore[]; score: number; maxScore: number; checked: number; questions: number; complete: boolean } {
  const out = sections.map((s) => {
    let score = 0;
    let checked = 0;
    for (const q of s.questions) {
      if (isCurrent(progress, q.id)) {
        checked++;
        score += progress.results[q.id]?.result.score ?? 0;
      }
    }
    return { id: s.id, title: s.title, score, maxScore: s.questions.reduce((t, q) => t + q.points, 0), checked, questions: s.questions.length };
  });
  const score = out.reduce((t, s) => t + s.score, 0);
  const maxScore = out.reduce((t, s) => t + s.maxScore, 0);
  const checked = out.reduce((t, s) => t + s.checked, 0);
  const questions = out.reduce((t, s) => t + s.questions, 0);
  return { sections: out, score, maxScore, checked, questions, complete: checked === questions };
}
