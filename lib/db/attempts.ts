import 'server-only';
/**
 * Students' attempts: joining an assignment with its code and a display name,
 * resuming on another device with the resume code, reading one's own attempt,
 * and submitting (idempotent). Every lookup that could be guessed at is a
 * plain miss (null) for "wrong" and "not yours" alike.
 */
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from './client';
import { answers, assignments, attempts, classes, rateLimits } from './schema';
import { assignmentForTeacher, attemptForViewer, isUuid } from './access';
import { findSession, createSession } from './sessions';
import { isUniqueViolation } from './errors';
import { hashToken, newCode, normalizeCode } from '../auth/tokens';
import { nameKey } from '../classroom/names';
import { formatResumeCode, looksLikeResumeCode, RESUME_CODE_LENGTH } from '../classroom/codes';
import { parseCookies } from '../classroom/cookies';
import { STUDENT_COOKIE, TEACHER_COOKIE, currentAttemptId } from '../auth/cookies';
import { studentAttemptView, studentGrade, type StudentAttemptView } from '../classroom/student-view';
import type { GradeResult } from '../grading/types';
import { hitRateLimit } from './rate-limit';
import { JOIN_LIMITS, RESUME_LIMITS } from '../classroom/limits';
import { getExercise } from '../content/load';
import { toPublicExercise } from '../content/public';


export interface Viewer {
  attemptId: string | null;
  teacherId: string | null;
}

/** Who is calling, from the request's Cookie header: the student's attempt and/or the teacher. */
export async function viewerFromCookieHeader(header: string | null, need: { teacher: boolean } = { teacher: true }): Promise<Viewer> {
  const jar = parseCookies(header);
  const studentToken = jar[STUDENT_COOKIE];
  const teacherToken = need.teacher ? jar[TEACHER_COOKIE] : undefined;
  const [s, t] = await Promise.all([studentToken ? findSession(studentToken) : null, teacherToken ? findSession(teacherToken) : null]);
  return { attemptId: s?.kind === 'student' ? s.attemptId : null, teacherId: t?.kind === 'teacher' ? t.teacherId : null };
}

export function isClosed(a: { closedAt: Date | null }, now = Date.now()): boolean {
  return a.closedAt !== null && a.closedAt.getTime() <= now;
}

export async function assignmentByJoinCode(code: string) {
  const normalized = normalizeCode(code);
  if (!normalized || normalized.length > 20) return null;
  const db = await getDb();
  const [row] = await db.select().from(assignments).where(eq(assignments.joinCode, normalized)).limit(1);
  return row ?? null;
}

export type JoinOutcome =
  | { ok: true; attemptId: string; resumeCode: string; displayName: string; nameIndex: number; token: string; expiresAt: Date }
  | { ok: false; reason: 'not_found' | 'closed' };

/**
 * Join: a new attempt with the next free number for this name (Sam, Sam (2),
 * ...) and a fresh resume code, then a student session. Two students joining
 * with the same name at once both get in: a unique violation means someone
 * took that number (or, astronomically rarely, that resume code); try again.
 */
export async function joinAssignment(code: string, displayName: string): Promise<JoinOutcome> {
  const assignment = await assignmentByJoinCode(code);
  if (!assignment) return { ok: false, reason: 'not_found' };
  if (isClosed(assignment)) return { ok: false, reason: 'closed' };
  const db = await getDb();
  const key = nameKey(displayName);
  for (let tries = 0; ; tries++) {
    const resume = newCode(RESUME_CODE_LENGTH);
    try {
      const res = await db.execute(sql`
        insert into attempts (assignment_id, display_name, name_key, name_index, resume_code_hash)
        select ${assignment.id}, ${displayName}, ${key}, coalesce(max(name_index), 0) + 1, ${hashToken(resume)}
        from attempts where assignment_id = ${assignment.id} and name_key = ${key}
        returning id, name_index`);
      const row = rowsOf<{ id: string; name_index: number }>(res)[0];
      if (!row) throw new Error('join: insert returned no row');
      const session = await createSession({ kind: 'student', attemptId: row.id });
      return { ok: true, attemptId: row.id, resumeCode: formatResumeCode(resume), displayName, nameIndex: Number(row.name_index), ...session };
    } catch (e) {
      if (isUniqueViolation(e) && tries < 20) {
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (tries + 1)));
        continue;
      }
      throw e;
    }
  }
}

/** Resume on another device: the attempt whose resume code matches, in the assignment with this code. */
export async function resumeAttempt(code: string, resumeCode: string): Promise<{ attemptId: string; token: string; expiresAt: Date } | null> {
  const normalized = normalizeCode(resumeCode);
  if (!looksLikeResumeCode(normalized)) return null;
  const assignment = await assignmentByJoinCode(code);
  if (!assignment) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.assignmentId, assignment.id), eq(attempts.resumeCodeHash, hashToken(normalized))))
    .limit(1);
  if (!row) return null;
  const session = await createSession({ kind: 'student', attemptId: row.id });
  return { attemptId: row.id, ...session };
}

/**
 * Has this rate-limit key already reached `limit` in its current window?
 * Looks without counting, so a blocked caller is refused before a code is
 * even looked up (a correct guess must not get through once blocked).
 */
export async function rateLimitReached(key: string, limit: number, windowSeconds: number): Promise<{ reached: boolean; retryAfter: number }> {
  const db = await getDb();
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  if (!row) return { reached: false, retryAfter: 0 };
  const end = row.windowStart.getTime() + windowSeconds * 1000;
  if (end <= Date.now()) return { reached: false, retryAfter: 0 };
  return { reached: row.count >= limit, retryAfter: Math.max(1, Math.ceil((end - Date.now()) / 1000)) };
}

/** What saving an answer needs to know about the attempt. */
export interface SaveTarget {
  attemptId: string;
  exerciseId: string;
  status: 'in-progress' | 'submitted';
  closed: boolean;
}

/**
 * The hot path of autosave: the student's session and their attempt in one
 * query (a class of 30 saves every few seconds). Null when the cookie is not
 * this attempt's student's.
 */
export async function studentSaveTarget(cookieHeader: string | null, attemptId: string): Promise<SaveTarget | null> {
  const token = parseCookies(cookieHeader)[STUDENT_COOKIE];
  if (!token || token.length > 100 || !isUuid(attemptId)) return null;
  const db = await getDb();
  const row = rowsOf<{ id: string; status: 'in-progress' | 'submitted'; exercise_id: string; closed: boolean }>(
    await db.execute(sql`
      select a.id, a.status, s.exercise_id, (s.closed_at is not null and s.closed_at <= now()) as closed
      from sessions x join attempts a on a.id = x.attempt_id join assignments s on s.id = a.assignment_id
      where x.id_hash = ${hashToken(token)} and x.expires_at > now() and a.id = ${attemptId}`),
  )[0];
  return row ? { attemptId: row.id, exerciseId: row.exercise_id, status: row.status, closed: !!row.closed } : null;
}

export type AttemptAccess = NonNullable<Awaited<ReturnType<typeof attemptForViewer>>>;

export async function attemptAccess(attemptId: string, viewer: Viewer): Promise<AttemptAccess | null> {
  return attemptForViewer(attemptId, viewer);
}

async function answerRows(attemptId: string) {
  const db = await getDb();
  return db
    .select({ questionId: answers.questionId, answer: answers.answer, seq: answers.seq, savedAt: answers.savedAt, autoGrade: answers.autoGrade, teacherGrade: answers.teacherGrade })
    .from(answers)
    .where(eq(answers.attemptId, attemptId));
}

/**
 * The attempt as its viewer may see it: the student gets feedback only once
 * released; the owning teacher always sees the grades.
 */
export async function attemptView(access: AttemptAccess): Promise<StudentAttemptView> {
  const rows = await answerRows(access.attempt.id);
  const view = studentAttemptView(access.attempt, access.assignment, rows);
  if (access.viewer === 'teacher' && !view.feedback) {
    view.feedback = {};
    for (const a of rows) if (a.autoGrade) view.feedback[a.questionId] = studentGrade(a.autoGrade as GradeResult, a.teacherGrade);
  }
  return view;
}

export type SubmitOutcome = { ok: true; view: StudentAttemptView } | { ok: false; reason: 'closed' };

/**
 * Submit, idempotently: one UPDATE that only changes an in-progress attempt.
 * A retry with the same key, a double click, or any later submit finds the
 * attempt already submitted and gets the same answer; nothing new is created.
 */
export async function submitAttempt(access: AttemptAccess, idempotencyKey: string): Promise<SubmitOutcome> {
  const db = await getDb();
  const id = access.attempt.id;
  const updated = await db.execute(sql`
    update attempts set status = 'submitted', submitted_at = now(), submit_key = ${idempotencyKey}, updated_at = now()
    where id = ${id} and status = 'in-progress'
      and exists (select 1 from assignments s where s.id = attempts.assignment_id and (s.closed_at is null or s.closed_at > now()))
    returning id`);
  const [fresh] = await db
    .select({ attempt: attempts, assignment: assignments, class: classes })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .where(eq(attempts.id, id))
    .limit(1);
  if (!fresh) throw new Error('submit: attempt vanished');
  if (rowsOf(updated).length === 0 && fresh.attempt.status !== 'submitted') return { ok: false, reason: 'closed' };
  return { ok: true, view: await attemptView({ ...fresh, viewer: access.viewer }) };
}

/** drizzle's execute() result rows, for both PGlite and node-postgres. */
export function rowsOf<T>(res: unknown): T[] {
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}

export type LimitedJoin = JoinOutcome | { ok: false; reason: 'rate_limited'; retryAfter: number; what: string };

/**
 * Join with the per-address limits (lib/classroom/limits.ts): every join
 * counts towards a generous overall limit; a blocked address is refused
 * before the code is looked up; each wrong code counts as a failure.
 * Shared by POST /api/join and the join form's server action.
 */
export async function joinWithLimits(ip: string, code: string, name: string): Promise<LimitedJoin> {
  const all = await hitRateLimit(`join:ip:${ip}`, JOIN_LIMITS.perIp, JOIN_LIMITS.perIpWindow);
  if (!all.allowed) return { ok: false, reason: 'rate_limited', retryAfter: all.retryAfter, what: 'joins' };
  const failKey = `join-fail:ip:${ip}`;
  const blocked = await rateLimitReached(failKey, JOIN_LIMITS.failures, JOIN_LIMITS.failureWindow);
  if (blocked.reached) return { ok: false, reason: 'rate_limited', retryAfter: blocked.retryAfter, what: 'wrong codes' };
  const out = await joinAssignment(code, name);
  if (!out.ok && out.reason === 'not_found') await hitRateLimit(failKey, JOIN_LIMITS.failures, JOIN_LIMITS.failureWindow);
  return out;
}

export type LimitedResume = { ok: true; attemptId: string; token: string; expiresAt: Date } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'rate_limited'; retryAfter: number; what: string };

/** Resume with the per-address limits; shared by POST /api/resume and the resume form. */
export async function resumeWithLimits(ip: string, code: string, resumeCode: string): Promise<LimitedResume> {
  const all = await hitRateLimit(`resume:ip:${ip}`, RESUME_LIMITS.perIp, RESUME_LIMITS.perIpWindow);
  if (!all.allowed) return { ok: false, reason: 'rate_limited', retryAfter: all.retryAfter, what: 'tries' };
  const failKey = `resume-fail:ip:${ip}`;
  const blocked = await rateLimitReached(failKey, RESUME_LIMITS.failures, RESUME_LIMITS.failureWindow);
  if (blocked.reached) return { ok: false, reason: 'rate_limited', retryAfter: blocked.retryAfter, what: 'wrong codes' };
  const out = await resumeAttempt(code, resumeCode);
  if (!out) {
    await hitRateLimit(failKey, RESUME_LIMITS.failures, RESUME_LIMITS.failureWindow);
    return { ok: false, reason: 'not_found' };
  }
  return { ok: true, ...out };
}

/** Everything the attempt page needs: the student's view and the exercise without its key. */
export async function attemptPageData(access: AttemptAccess) {
  const loaded = getExercise(access.assignment.exerciseId);
  if (!loaded) return null;
  return { view: await attemptView(access), exercise: toPublicExercise(loaded.exercise), article: loaded.article };
}

/** The attempt page for the student signed in on this device (cookie): null for anyone else. */
export async function attemptPageForStudent(attemptId: string) {
  const own = await currentAttemptId();
  if (!own) return null;
  const access = await attemptForViewer(attemptId, { attemptId: own });
  return access && attemptPageData(access);
}

/** A teacher's preview of their own assignment: the assignment and its exercise without the key; null if not theirs. */
export async function assignmentPreview(teacherId: string, assignmentId: string) {
  const own = await assignmentForTeacher(teacherId, assignmentId);
  if (!own) return null;
  const loaded = getExercise(own.assignment.exerciseId);
  if (!loaded) return null;
  return { assignment: own.assignment, exercise: toPublicExercise(loaded.exercise), article: loaded.article };
}
