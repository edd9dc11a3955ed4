/**
 * A student's progress on one exercise, as kept in the browser (localStorage):
 * answers, and the last check result for each with the answer it was for, so a
 * changed answer shows its old result as out of date. Parsing is defensive: a
 * corrupt or old entry is dropped, never crashes the page.
 */
import { z } from 'zod';
import type { GradeResult } from '../grading/types';

export const STORAGE_VERSION = 1;

/** Mirrors GradeResult (lib/grading/types.ts); the annotation keeps the two in step. */
const gradeResultSchema: z.ZodType<GradeResult> = z.object({
  questionId: z.string(),
  score: z.number(),
  maxScore: z.number(),
  needsReview: z.boolean(),
  reviewReasons: z.array(z.string()),
  criteria: z
    .array(z.object({ id: z.string(), label: z.string(), score: z.number(), maxScore: z.number(), feedback: z.string(), evidence: z.array(z.object({ start: z.number(), end: z.number() })) }))
    .optional(),
  parts: z.array(z.object({ id: z.string(), correct: z.boolean(), feedback: z.string().optional() })).optional(),
  feedback: z.array(z.string()),
  hint: z.string().optional(),
});

export const progressSchema = z.object({
  v: z.literal(STORAGE_VERSION),
  answers: z.record(z.string(), z.unknown()),
  results: z.record(z.string(), z.object({ result: gradeResultSchema, answerKey: z.string() })),
  updatedAt: z.string().optional(),
});

export type Progress = z.infer<typeof progressSchema>;

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
    const r = progressSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : emptyProgress();
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
