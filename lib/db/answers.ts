import 'server-only';
/**
 * Saving a student's answers. One atomic upsert per save: a save is applied
 * only when its seq is higher than the stored one, so an earlier edit that
 * arrives late never overwrites a later one, and only while the attempt is in
 * progress and the assignment open. Each save is graded at once (cheap) and
 * the automatic grade stored beside the answer.
 */
import { sql } from 'drizzle-orm';
import { getDb } from './client';
import { rowsOf, type AttemptAccess, type SaveTarget } from './attempts';
import { getExercise, type LoadedExercise } from '../content/load';
import { findQuestion, gradeAnswer } from '../grading/grade';
import type { Question } from '../content/schema';
import type { GradeResult } from '../grading/types';
import { validateAnswer } from '../classroom/answers';
import { studentGrade, type StudentGrade } from '../classroom/student-view';

export type QuestionLookup = { ok: true; question: Question; loaded: LoadedExercise } | { ok: false };

export function questionOfAssignment(exerciseId: string, questionId: string): QuestionLookup {
  const loaded = getExercise(exerciseId);
  const question = loaded && findQuestion(loaded.exercise.sections, questionId);
  return loaded && question ? { ok: true, question, loaded } : { ok: false };
}

export type SaveOutcome =
  | { ok: true; seq: number; savedAt: Date; applied: boolean }
  | { ok: false; reason: 'no_question' }
  | { ok: false; reason: 'invalid'; field: string; message: string }
  | { ok: false; reason: 'submitted' | 'closed' };

interface SavedRow {
  seq: number;
  saved_at: string | Date;
}

export async function saveAnswer(target: SaveTarget, questionId: string, rawAnswer: unknown, seq: number): Promise<SaveOutcome> {
  const found = questionOfAssignment(target.exerciseId, questionId);
  if (!found.ok) return { ok: false, reason: 'no_question' };
  const valid = validateAnswer(found.question.kind, rawAnswer);
  if (!valid.ok) return { ok: false, reason: 'invalid', field: valid.field, message: valid.message };
  if (target.status === 'submitted') return { ok: false, reason: 'submitted' };
  if (target.closed) return { ok: false, reason: 'closed' };
  const grade = gradeAnswer(found.question, valid.answer, { articleText: found.loaded.articleText, rubric: found.loaded.rubric });
  const attemptId = target.attemptId;
  const db = await getDb();
  // The attempt row is share-locked, so a submit that commits first is seen and the save refused.
  const res = await db.execute(sql`
    insert into answers (attempt_id, question_id, answer, seq, saved_at, auto_grade)
    select ${attemptId}, ${questionId}, ${JSON.stringify(valid.answer)}::jsonb, ${seq}, now(), ${JSON.stringify(grade)}::jsonb
    where exists (
      select 1 from attempts a join assignments s on s.id = a.assignment_id
      where a.id = ${attemptId} and a.status = 'in-progress' and (s.closed_at is null or s.closed_at > now())
      for share of a)
    on conflict (attempt_id, question_id) do update
      set answer = excluded.answer, seq = excluded.seq, saved_at = excluded.saved_at, auto_grade = excluded.auto_grade
      where answers.seq < excluded.seq
    returning seq, saved_at`);
  const applied = rowsOf<SavedRow>(res)[0];
  if (applied) return { ok: true, seq: Number(applied.seq), savedAt: new Date(applied.saved_at), applied: true };

  // Not applied: either the attempt no longer takes answers, or a save with an equal or higher seq is stored.
  const state = rowsOf<{ status: string; closed: boolean; seq: number | null; saved_at: string | Date | null }>(
    await db.execute(sql`
      select a.status, (s.closed_at is not null and s.closed_at <= now()) as closed, x.seq, x.saved_at
      from attempts a join assignments s on s.id = a.assignment_id
      left join answers x on x.attempt_id = a.id and x.question_id = ${questionId}
      where a.id = ${attemptId}`),
  )[0];
  if (!state || state.status === 'submitted') return { ok: false, reason: 'submitted' };
  if (state.closed) return { ok: false, reason: 'closed' };
  if (state.seq === null || state.saved_at === null) throw new Error('save: answer neither applied nor stored');
  return { ok: true, seq: Number(state.seq), savedAt: new Date(state.saved_at), applied: false };
}

export type CheckOutcome =
  | { ok: true; grade: StudentGrade; seq: number }
  | { ok: false; reason: 'no_question' | 'nothing_saved' };

/** The "Check" button in immediate mode: the stored grade of the stored answer. */
export async function checkStoredAnswer(access: AttemptAccess, questionId: string): Promise<CheckOutcome> {
  const found = questionOfAssignment(access.assignment.exerciseId, questionId);
  if (!found.ok) return { ok: false, reason: 'no_question' };
  const db = await getDb();
  const row = rowsOf<{ seq: number; auto_grade: GradeResult | null; teacher_grade: unknown; answer: unknown }>(
    await db.execute(sql`select seq, auto_grade, teacher_grade, answer from answers where attempt_id = ${access.attempt.id} and question_id = ${questionId}`),
  )[0];
  if (!row) return { ok: false, reason: 'nothing_saved' };
  const auto = row.auto_grade ?? gradeAnswer(found.question, row.answer, { articleText: found.loaded.articleText, rubric: found.loaded.rubric });
  return { ok: true, grade: studentGrade(auto, row.teacher_grade), seq: Number(row.seq) };
}
