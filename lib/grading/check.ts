import 'server-only';
/**
 * Grade one answer to one question of a stored exercise, for the reader's
 * Check button. Returns undefined when the exercise or question does not exist.
 */
import { getExercise } from '../content/load';
import { findQuestion, gradeAnswer, quotableTextOf } from './grade';
import type { GradeResult } from './types';

export type CheckOutcome = { ok: true; result: GradeResult } | { ok: false; missing: 'exercise' | 'question' };

export function checkAnswer(exerciseId: string, questionId: string, answer: unknown): CheckOutcome {
  const loaded = getExercise(exerciseId);
  if (!loaded) return { ok: false, missing: 'exercise' };
  const question = findQuestion(loaded.exercise.sections, questionId);
  if (!question) return { ok: false, missing: 'question' };
  return { ok: true, result: gradeAnswer(question, answer, { articleText: loaded.articleText, rubric: loaded.rubric, quotableText: quotableTextOf(loaded.article) }) };
}
