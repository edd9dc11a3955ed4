import 'server-only';
/**
 * A teacher's assignments: create (with a unique join code), list with
 * progress counts, update, close/reopen, delete. Every function takes the
 * signed-in teacher's id and touches only that teacher's rows. Grades,
 * review and export live in lib/db/review.ts.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from './client';
import { assignments, classes } from './schema';
import { isUuid } from './access';
import { isUniqueViolation } from './errors';
import type { Mutation } from './classes';
import { getExercise, listArticles } from '../content/load';
import { newCode } from '../auth/tokens';
import { publicOrigin } from '../env';
import { assignmentSchema, assignmentUpdateSchema, type FeedbackMode } from '../validations/classes';
import { fieldErrors } from '../validations/teacher';

export const JOIN_CODE_LENGTH = 6;
const JOIN_CODE_TRIES = 10;

export interface AssignmentSummary {
  id: string;
  classId: string;
  title: string;
  exerciseId: string;
  /** The exercise's own title (null if the exercise was removed from content). */
  exerciseTitle: string | null;
  dueAt: Date | null;
  feedbackMode: FeedbackMode;
  joinCode: string;
  closedAt: Date | null;
  returnedAt: Date | null;
  createdAt: Date;
  /** Students who joined (attempts). */
  joined: number;
  submitted: number;
}

export function joinUrl(code: string): string {
  return `${publicOrigin()}/join/${code}`;
}

export interface ExerciseChoice {
  id: string;
  title: string;
  article: string;
  questions: number;
}

/** Exercises a teacher can assign. */
export function exerciseChoices(): ExerciseChoice[] {
  return listArticles().flatMap(({ article, exercise }) =>
    exercise
      ? [{ id: exercise.id, title: exercise.title, article: article.headline, questions: exercise.sections.reduce((n, s) => n + s.questions.length, 0) }]
      : [],
  );
}

function exerciseTitle(id: string): string | null {
  try {
    return getExercise(id)?.exercise.title ?? null;
  } catch {
    return null;
  }
}

/** The class's assignments, oldest first, with how many students joined and submitted. Empty when the class is not the teacher's. */
export async function listAssignments(teacherId: string, classId: string): Promise<AssignmentSummary[]> {
  if (!isUuid(classId)) return [];
  const db = await getDb();
  const rows = await db
    .select({
      id: assignments.id,
      classId: assignments.classId,
      title: assignments.title,
      exerciseId: assignments.exerciseId,
      dueAt: assignments.dueAt,
      feedbackMode: assignments.feedbackMode,
      joinCode: assignments.joinCode,
      closedAt: assignments.closedAt,
      returnedAt: assignments.returnedAt,
      createdAt: assignments.createdAt,
      joined: sql<number>`(select count(*)::int from attempts t where t.assignment_id = "assignments"."id")`,
      submitted: sql<number>`(select count(*)::int from attempts t where t.assignment_id = "assignments"."id" and t.status = 'submitted')`,
    })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(and(eq(assignments.classId, classId), eq(classes.teacherId, teacherId)))
    .orderBy(asc(assignments.createdAt));
  return rows.map((r) => ({ ...r, joined: Number(r.joined), submitted: Number(r.submitted), exerciseTitle: exerciseTitle(r.exerciseId) }));
}

export interface CreateOptions {
  now?: Date;
  /** Code generator (tests inject collisions); default: 6 characters from CODE_ALPHABET. */
  newJoinCode?: () => string;
}

export async function createAssignment(
  teacherId: string,
  classId: string,
  input: unknown,
  opts: CreateOptions = {},
): Promise<Mutation<{ id: string; joinCode: string }>> {
  const parsed = assignmentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid-input', errors: fieldErrors(parsed.error) };
  const { exerciseId, dueAt, feedbackMode } = parsed.data;
  const exercise = exerciseChoices().find((e) => e.id === exerciseId);
  if (!exercise) return { ok: false, reason: 'invalid-input', errors: { exerciseId: 'Choose an exercise from the list.' } };
  const now = opts.now ?? new Date();
  if (dueAt && dueAt.getTime() < now.getTime() - 60_000)
    return { ok: false, reason: 'invalid-input', errors: { dueAt: 'That time has already passed. Pick a later one, or leave the due date empty.' } };
  const title = parsed.data.title || exercise.title;

  if (!isUuid(classId)) return { ok: false, reason: 'not-found' };
  const db = await getDb();
  const [cls] = await db.select({ id: classes.id }).from(classes).where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId))).limit(1);
  if (!cls) return { ok: false, reason: 'not-found' };

  const gen = opts.newJoinCode ?? (() => newCode(JOIN_CODE_LENGTH));
  for (let i = 0; i < JOIN_CODE_TRIES; i++) {
    const joinCode = gen();
    try {
      const [row] = await db
        .insert(assignments)
        .values({ classId, exerciseId, title, dueAt, feedbackMode, joinCode })
        .returning({ id: assignments.id, joinCode: assignments.joinCode });
      if (!row) throw new Error('insert returned no row');
      return { ok: true, id: row.id, joinCode: row.joinCode };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new Error(`could not find a free join code in ${JOIN_CODE_TRIES} tries`);
}

/** Ids of the teacher's assignments among `ids` (one query for a guarded bulk check). */
async function ownAssignmentIds(teacherId: string, ids: string[]): Promise<string[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(and(inArray(assignments.id, valid), eq(classes.teacherId, teacherId)));
  return rows.map((r) => r.id);
}

export async function updateAssignment(teacherId: string, assignmentId: string, input: unknown): Promise<Mutation> {
  const parsed = assignmentUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid-input', errors: fieldErrors(parsed.error) };
  const [id] = await ownAssignmentIds(teacherId, [assignmentId]);
  if (!id) return { ok: false, reason: 'not-found' };
  const db = await getDb();
  await db.update(assignments).set(parsed.data).where(eq(assignments.id, id));
  return { ok: true };
}

/** Close to new answers (closed = true) or reopen. False when the assignment is not the teacher's. */
export async function setAssignmentClosed(teacherId: string, assignmentId: string, closed: boolean): Promise<boolean> {
  const [id] = await ownAssignmentIds(teacherId, [assignmentId]);
  if (!id) return false;
  const db = await getDb();
  await db
    .update(assignments)
    .set({ closedAt: closed ? sql`coalesce(${assignments.closedAt}, now())` : null })
    .where(eq(assignments.id, id));
  return true;
}

/** Delete one assignment with its students' work. False when it is not the teacher's. */
export async function deleteAssignment(teacherId: string, assignmentId: string): Promise<boolean> {
  const [id] = await ownAssignmentIds(teacherId, [assignmentId]);
  if (!id) return false;
  const db = await getDb();
  const rows = await db.delete(assignments).where(eq(assignments.id, id)).returning({ id: assignments.id });
  return rows.length > 0;
}
