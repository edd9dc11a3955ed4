import 'server-only';
/**
 * A teacher's classes. Every function takes the signed-in teacher's id and
 * only ever touches that teacher's rows: another teacher's class id behaves
 * exactly like an id that does not exist.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from './client';
import { assignments, classes } from './schema';
import { isUuid } from './access';
import { classNameSchema } from '../validations/classes';
import { fieldErrors } from '../validations/teacher';

export interface ClassSummary {
  id: string;
  name: string;
  createdAt: Date;
  assignmentCount: number;
  /** Students told apart by display name (and the number given to a repeated name). */
  studentCount: number;
}

export type Mutation<T = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid-input'; errors: Record<string, string> };

// Written out with qualified names: drizzle leaves columns unqualified in single-table selects.
const assignmentCountSql = sql<number>`(select count(*)::int from assignments a where a.class_id = "classes"."id")`;
const studentCountSql = sql<number>`(
  select count(distinct t.name_key || '#' || t.name_index)::int
  from attempts t inner join assignments a on a.id = t.assignment_id
  where a.class_id = "classes"."id")`;

export async function listClasses(teacherId: string): Promise<ClassSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: classes.id, name: classes.name, createdAt: classes.createdAt, assignmentCount: assignmentCountSql, studentCount: studentCountSql })
    .from(classes)
    .where(eq(classes.teacherId, teacherId))
    .orderBy(desc(classes.createdAt), classes.name);
  return rows.map((r) => ({ ...r, assignmentCount: Number(r.assignmentCount), studentCount: Number(r.studentCount) }));
}

export async function createClass(teacherId: string, input: unknown): Promise<Mutation<{ id: string }>> {
  const parsed = classNameSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid-input', errors: fieldErrors(parsed.error) };
  const db = await getDb();
  const [row] = await db.insert(classes).values({ teacherId, name: parsed.data.name }).returning({ id: classes.id });
  if (!row) throw new Error('insert returned no row');
  return { ok: true, id: row.id };
}

export async function renameClass(teacherId: string, classId: string, input: unknown): Promise<Mutation> {
  const parsed = classNameSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid-input', errors: fieldErrors(parsed.error) };
  if (!isUuid(classId)) return { ok: false, reason: 'not-found' };
  const db = await getDb();
  const rows = await db
    .update(classes)
    .set({ name: parsed.data.name })
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .returning({ id: classes.id });
  return rows.length ? { ok: true } : { ok: false, reason: 'not-found' };
}

export interface DeletionSummary {
  id: string;
  name: string;
  assignments: { id: string; title: string }[];
  studentCount: number;
}

/** What deleting the class would remove (for the confirmation page). Null when it is not the teacher's. */
export async function classDeletionSummary(teacherId: string, classId: string): Promise<DeletionSummary | null> {
  if (!isUuid(classId)) return null;
  const db = await getDb();
  const [cls] = await db
    .select({ id: classes.id, name: classes.name, studentCount: studentCountSql })
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .limit(1);
  if (!cls) return null;
  const list = await db
    .select({ id: assignments.id, title: assignments.title })
    .from(assignments)
    .where(eq(assignments.classId, classId))
    .orderBy(assignments.createdAt);
  return { id: cls.id, name: cls.name, assignments: list, studentCount: Number(cls.studentCount) };
}

/** Delete the class with its assignments and every student's work (foreign keys cascade). */
export async function deleteClass(teacherId: string, classId: string): Promise<boolean> {
  if (!isUuid(classId)) return false;
  const db = await getDb();
  const rows = await db
    .delete(classes)
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .returning({ id: classes.id });
  return rows.length > 0;
}

/** "3 assignments and the work of 27 students" */
export function describeDeletion(s: Pick<DeletionSummary, 'assignments' | 'studentCount'>): string {
  const a = s.assignments.length;
  const parts = [`${a} assignment${a === 1 ? '' : 's'}`];
  parts.push(s.studentCount === 0 ? 'no student work (nobody has joined yet)' : `the work of ${s.studentCount} student${s.studentCount === 1 ? '' : 's'}`);
  return parts.join(' and ');
}
