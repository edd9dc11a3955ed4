import 'server-only';
/**
 * Ownership lookups used by every page, action and route: a teacher reaches
 * only their own classes, assignments and students' attempts; a student only
 * their own attempt. Each returns null for "not yours" and "does not exist"
 * alike, and callers answer 404 for both.
 */
import { and, eq } from 'drizzle-orm';
import { getDb } from './client';
import { assignments, attempts, classes } from './schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids in URLs are UUIDs; anything else is a miss without a query (and without a Postgres cast error). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export async function classForTeacher(teacherId: string, classId: string) {
  if (!isUuid(classId)) return null;
  const db = await getDb();
  const [row] = await db.select().from(classes).where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId))).limit(1);
  return row ?? null;
}

export async function assignmentForTeacher(teacherId: string, assignmentId: string) {
  if (!isUuid(assignmentId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ assignment: assignments, class: classes })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(and(eq(assignments.id, assignmentId), eq(classes.teacherId, teacherId)))
    .limit(1);
  return row ?? null;
}

/**
 * The attempt if the caller may see it: its own student (session attempt id
 * equals it) or the teacher who owns its class.
 */
export async function attemptForViewer(attemptId: string, viewer: { attemptId?: string | null; teacherId?: string | null }) {
  if (!isUuid(attemptId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ attempt: attempts, assignment: assignments, class: classes })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(eq(attempts.id, attemptId))
    .limit(1);
  if (!row) return null;
  if (viewer.attemptId === attemptId) return { ...row, viewer: 'student' as const };
  if (viewer.teacherId && row.class.teacherId === viewer.teacherId) return { ...row, viewer: 'teacher' as const };
  return null;
}
