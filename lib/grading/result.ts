/** Small helpers shared by the per-kind graders, so every kind builds results the same way. */
import type { Question } from '../content/schema';
import type { GradeResult } from './types';

/** "Look at paragraph 6." / "Look at paragraphs 2 and 6." — a pointer back to the text. */
export function paragraphHint(paragraphs: readonly number[]): string | undefined {
  if (paragraphs.length === 0) return undefined;
  if (paragraphs.length === 1) return `Look at paragraph ${paragraphs[0]}.`;
  const head = paragraphs.slice(0, -1).join(', ');
  return `Look at paragraphs ${head} and ${paragraphs[paragraphs.length - 1]}.`;
}

/** A zero-score result with one clear message, for empty or unusable answers. */
export function emptyResult(question: Question, message: string): GradeResult {
  return {
    questionId: question.id,
    score: 0,
    maxScore: question.points,
    needsReview: false,
    reviewReasons: [],
    feedback: [message],
    hint: paragraphHint(question.paragraphs),
  };
}

/** Attach the question's teaching notes and a hint (when not full marks). */
export function finish(question: Question, result: Omit<GradeResult, 'hint'>): GradeResult {
  const full = result.score >= result.maxScore;
  return {
    ...result,
    feedback: [...result.feedback, ...question.notes],
    hint: full ? undefined : paragraphHint(question.paragraphs),
  };
}
