import 'server-only';
/**
 * Teacher review: the assignment's results grid, the review queue and saving
 * the teacher's changes, returning grades, and item analysis. Every entry point
 * takes the signed-in teacher's id and returns null (→ 404) for an assignment,
 * attempt or response that is not theirs or does not exist.
 *
 * Teacher changes are stored beside the automatic grade in
 * answers.teacher_grade (shape: lib/validations/review.ts) with
 * teacher_updated_at; lib/classroom/scoring.ts combines the two.
 */
import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from './client';
import { assignmentForTeacher, isUuid } from './access';
import { answers, assignments, attempts, classes } from './schema';
import { getExercise } from '../content/load';
import { toPublicQuestion, type PublicQuestion } from '../content/public';
import type { Question } from '../content/schema';
import type { GradeResult } from '../grading/types';
import { effectiveGrade, rosterName, scoreText, type AutoScore, type TeacherGrade } from '../classroom/scoring';
import { createItemAnalysis, type AnalysisResponse, type QuestionAnalysis } from '../classroom/analysis';
import { teacherGradeSchema, teacherGradeSchemaFor, fieldErrors, type ReviewForm, teacherGradeFromForm } from '../validations/review';

// ---------------------------------------------------------------- shared shapes

export type FeedbackMode = 'immediate' | 'after-submit' | 'when-returned';

export interface AssignmentSummary {
  id: string;
  title: string;
  classId: string;
  className: string;
  exerciseId: string;
  exerciseTitle: string;
  feedbackMode: FeedbackMode;
  joinCode: string;
  dueAt: string | null;
  closedAt: string | null;
  returnedAt: string | null;
}

export interface ExerciseQuestion {
  number: number;
  sectionTitle: string;
  question: Question;
  public: PublicQuestion;
}

interface Context {
  summary: AssignmentSummary;
  questions: ExerciseQuestion[];
  byId: Map<string, ExerciseQuestion>;
  maxTotal: number;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The questions of an exercise, numbered 1.. in exercise order (empty if the exercise is gone). */
export function exerciseQuestions(exerciseId: string): ExerciseQuestion[] {
  const loaded = getExercise(exerciseId);
  if (!loaded) return [];
  const out: ExerciseQuestion[] = [];
  for (const s of loaded.exercise.sections)
    for (const q of s.questions) out.push({ number: out.length + 1, sectionTitle: s.title, question: q, public: toPublicQuestion(q) });
  return out;
}

function contextOf(row: NonNullable<Awaited<ReturnType<typeof assignmentForTeacher>>>): Context {
  const { assignment: a, class: c } = row;
  const questions = exerciseQuestions(a.exerciseId);
  return {
    summary: {
      id: a.id,
      title: a.title,
      classId: c.id,
      className: c.name,
      exerciseId: a.exerciseId,
      exerciseTitle: getExercise(a.exerciseId)?.exercise.title ?? a.exerciseId,
      feedbackMode: a.feedbackMode,
      joinCode: a.joinCode,
      dueAt: iso(a.dueAt),
      closedAt: iso(a.closedAt),
      returnedAt: iso(a.returnedAt),
    },
    questions,
    byId: new Map(questions.map((q) => [q.question.id, q])),
    maxTotal: questions.reduce((s, q) => s + q.question.points, 0),
  };
}

async function context(teacherId: string, assignmentId: string): Promise<Context | null> {
  const row = await assignmentForTeacher(teacherId, assignmentId);
  return row ? contextOf(row) : null;
}

/**
 * The stored automatic grade reduced to what scoring needs (no feedback text),
 * computed in the database so grids and exports move little data.
 */
export const autoScoreSql: SQL<AutoScore | null> = sql`case when ${answers.autoGrade} is null then null else jsonb_build_object(
  'score', ${answers.autoGrade}->'score',
  'maxScore', ${answers.autoGrade}->'maxScore',
  'needsReview', coalesce(${answers.autoGrade}->'needsReview', 'false'::jsonb),
  'criteria', case when jsonb_typeof(${answers.autoGrade}->'criteria') = 'array' then (
    select coalesce(jsonb_agg(jsonb_build_object('id', c->'id', 'score', c->'score', 'maxScore', c->'maxScore')), '[]'::jsonb)
    from jsonb_array_elements(${answers.autoGrade}->'criteria') as c
  ) end
) end`;

/** A stored teacher grade, or null when absent or malformed (never trusted blindly). */
export function parseTeacherGrade(raw: unknown): TeacherGrade | null {
  if (raw === null || raw === undefined) return null;
  const r = teacherGradeSchema.safeParse(raw);
  return r.success ? r.data : {};
}

/** A review is current when it was saved after the student's last change to the answer. */
function isReviewed(teacherUpdatedAt: Date | null, savedAt: Date): boolean {
  return teacherUpdatedAt !== null && teacherUpdatedAt.getTime() >= savedAt.getTime();
}

// ---------------------------------------------------------------- grid

export interface GridQuestion {
  id: string;
  number: number;
  kind: PublicQuestion['kind'];
  prompt: string;
  maxScore: number;
}

export interface GridCell {
  score: number;
  maxScore: number;
  autoScore: number | null;
  adjusted: boolean;
  needsReview: boolean;
}

export interface GridRow {
  attemptId: string;
  name: string;
  status: 'in-progress' | 'submitted';
  startedAt: string;
  submittedAt: string | null;
  /** By question id; missing = not answered yet. */
  cells: Record<string, GridCell>;
  total: number;
  autoTotal: number;
  maxTotal: number;
  adjusted: boolean;
  needsReview: number;
}

export interface GridSummary {
  joined: number;
  submitted: number;
  /** Responses the engine flagged that the teacher has not reviewed. */
  needReview: number;
}

export interface GridData {
  assignment: AssignmentSummary;
  questions: GridQuestion[];
  rows: GridRow[];
  summary: GridSummary;
}

interface ScoreRow {
  attemptId: string;
  questionId: string;
  auto: AutoScore | null;
  teacher: unknown;
  teacherUpdatedAt: Date | null;
  savedAt: Date;
}

function cellOf(r: ScoreRow, ctx: Pick<Context, 'byId'>): GridCell {
  const q = ctx.byId.get(r.questionId);
  const g = effectiveGrade(r.auto, parseTeacherGrade(r.teacher), {
    maxScore: q?.question.points,
    reviewed: isReviewed(r.teacherUpdatedAt, r.savedAt),
  });
  return { score: g.score, maxScore: g.maxScore, autoScore: g.autoScore, adjusted: g.adjusted, needsReview: g.needsReview };
}

async function scoreRows(attemptIds: string[]): Promise<ScoreRow[]> {
  if (attemptIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      attemptId: answers.attemptId,
      questionId: answers.questionId,
      auto: autoScoreSql,
      teacher: answers.teacherGrade,
      teacherUpdatedAt: answers.teacherUpdatedAt,
      savedAt: answers.savedAt,
    })
    .from(answers)
    .where(inArray(answers.attemptId, attemptIds));
}

type AttemptRow = typeof attempts.$inferSelect;

/** Build grid rows for a batch of attempts (shared by the grid and the CSV export). */
export async function gridRowsFor(ctx: Pick<Context, 'byId' | 'maxTotal'>, batch: AttemptRow[]): Promise<GridRow[]> {
  const rows = await scoreRows(batch.map((a) => a.id));
  const byAttempt = new Map<string, ScoreRow[]>();
  for (const r of rows) {
    const list = byAttempt.get(r.attemptId) ?? [];
    list.push(r);
    byAttempt.set(r.attemptId, list);
  }
  return batch.map((a) => {
    const cells: Record<string, GridCell> = {};
    let total = 0;
    let autoTotal = 0;
    let adjusted = false;
    let needsReview = 0;
    for (const r of byAttempt.get(a.id) ?? []) {
      if (!ctx.byId.has(r.questionId)) continue;
      const cell = cellOf(r, ctx);
      cells[r.questionId] = cell;
      total += cell.score;
      autoTotal += cell.autoScore ?? 0;
      adjusted ||= cell.adjusted;
      if (cell.needsReview) needsReview++;
    }
    return {
      attemptId: a.id,
      name: rosterName(a.displayName, a.nameIndex),
      status: a.status,
      startedAt: a.createdAt.toISOString(),
      submittedAt: iso(a.submittedAt),
      cells,
      total,
      autoTotal,
      maxTotal: ctx.maxTotal,
      adjusted,
      needsReview,
    };
  });
}

/** The roster × questions grid for the assignment page and its polling route. */
export async function gridForTeacher(teacherId: string, assignmentId: string): Promise<GridData | null> {
  const ctx = await context(teacherId, assignmentId);
  if (!ctx) return null;
  const db = await getDb();
  const roster = await db
    .select()
    .from(attempts)
    .where(eq(attempts.assignmentId, ctx.summary.id))
    .orderBy(asc(attempts.nameKey), asc(attempts.nameIndex), asc(attempts.id));
  const rows = await gridRowsFor(ctx, roster);
  return {
    assignment: ctx.summary,
    questions: ctx.questions.map((q) => ({ id: q.question.id, number: q.number, kind: q.question.kind, prompt: q.question.prompt, maxScore: q.question.points })),
    rows,
    summary: {
      joined: rows.length,
      submitted: rows.filter((r) => r.status === 'submitted').length,
      needReview: rows.reduce((s, r) => s + r.needsReview, 0),
    },
  };
}

/** The assignment's header data (title, class, exercise, code, state), or null. */
export async function assignmentSummaryForTeacher(teacherId: string, assignmentId: string): Promise<AssignmentSummary | null> {
  return (await context(teacherId, assignmentId))?.summary ?? null;
}

// ---------------------------------------------------------------- review queue

/** A response is identified by "<attemptId>:<questionId>" in review URLs. */
export function responseKey(attemptId: string, questionId: string): string {
  return `${attemptId}:${questionId}`;
}
export function parseResponseKey(key: string | undefined | null): { attemptId: string; questionId: string } | null {
  if (!key || key.length > 200) return null;
  const i = key.indexOf(':');
  if (i < 0) return null;
  const attemptId = key.slice(0, i);
  const questionId = key.slice(i + 1);
  return isUuid(attemptId) && /^[a-z0-9-]{1,100}$/.test(questionId) ? { attemptId, questionId } : null;
}

export interface QueueEntry {
  key: string;
  attemptId: string;
  questionId: string;
  name: string;
  questionNumber: number;
  /** 0 = flagged and not reviewed, 1 = text question, 2 = the rest. */
  group: 0 | 1 | 2;
  reviewed: boolean;
}

/**
 * Every response of the assignment in review order: first the ones the engine
 * flagged that the teacher has not reviewed, then the other written (text)
 * answers, then the rest; within a group by question, then by student.
 */
export async function reviewQueue(teacherId: string, assignmentId: string): Promise<QueueEntry[] | null> {
  const ctx = await context(teacherId, assignmentId);
  return ctx ? queueFor(ctx) : null;
}

async function queueFor(ctx: Context): Promise<QueueEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({
      attemptId: attempts.id,
      displayName: attempts.displayName,
      nameKey: attempts.nameKey,
      nameIndex: attempts.nameIndex,
      questionId: answers.questionId,
      flagged: sql<boolean>`coalesce((${answers.autoGrade}->>'needsReview')::boolean, false)`,
      teacherUpdatedAt: answers.teacherUpdatedAt,
      savedAt: answers.savedAt,
    })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .where(eq(attempts.assignmentId, ctx.summary.id));
  const entries = rows
    .filter((r) => ctx.byId.has(r.questionId))
    .map((r) => {
      const q = ctx.byId.get(r.questionId)!;
      const reviewed = isReviewed(r.teacherUpdatedAt, r.savedAt);
      const group: QueueEntry['group'] = r.flagged && !reviewed ? 0 : q.question.kind === 'text' ? 1 : 2;
      return {
        entry: {
          key: responseKey(r.attemptId, r.questionId),
          attemptId: r.attemptId,
          questionId: r.questionId,
          name: rosterName(r.displayName, r.nameIndex),
          questionNumber: q.number,
          group,
          reviewed,
        },
        sortName: r.nameKey,
        nameIndex: r.nameIndex,
      };
    });
  entries.sort(
    (a, b) =>
      a.entry.group - b.entry.group ||
      a.entry.questionNumber - b.entry.questionNumber ||
      (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0) ||
      a.nameIndex - b.nameIndex ||
      (a.entry.attemptId < b.entry.attemptId ? -1 : 1),
  );
  return entries.map((e) => e.entry);
}

export interface ReviewCriterionView {
  id: string;
  label: string;
  maxScore: number;
  autoScore: number;
  feedback: string;
  evidence: { start: number; end: number }[];
  teacher?: number;
}

export interface ReviewItem {
  key: string;
  attemptId: string;
  questionId: string;
  studentName: string;
  attemptStatus: 'in-progress' | 'submitted';
  submittedAt: string | null;
  questionNumber: number;
  sectionTitle: string;
  question: PublicQuestion;
  answer: unknown;
  savedAt: string;
  auto: GradeResult | null;
  teacher: TeacherGrade | null;
  teacherUpdatedAt: string | null;
  /** The student changed the answer after the teacher's review. */
  changedSinceReview: boolean;
  criteria: ReviewCriterionView[];
  effective: { score: number; maxScore: number; autoScore: number | null; adjusted: boolean; needsReview: boolean; text: string };
}

export interface ReviewPage {
  assignment: AssignmentSummary;
  total: number;
  /** Flagged responses not yet reviewed. */
  pending: number;
  /** 1-based position of the item in the queue. */
  position: number;
  prevKey: string | null;
  nextKey: string | null;
  item: ReviewItem | null;
}

/**
 * One response to review. Without a key: the first in the queue. A key that is
 * not a response of this teacher's assignment → null (404). `back` (the item
 * just saved with "Save and next") becomes Previous, so the teacher can return
 * to it even though reviewing moved it in the queue.
 */
export async function reviewPage(teacherId: string, assignmentId: string, key?: string | null, back?: string | null): Promise<ReviewPage | null> {
  const ctx = await context(teacherId, assignmentId);
  if (!ctx) return null;
  const queue = await queueFor(ctx);
  const pending = queue.filter((e) => e.group === 0).length;
  const base = { assignment: ctx.summary, total: queue.length, pending };
  if (!key) {
    const first = queue[0];
    if (!first) return { ...base, position: 0, prevKey: null, nextKey: null, item: null };
    key = first.key;
  }
  const index = queue.findIndex((e) => e.key === key);
  const entry = queue[index];
  if (!entry) return null;
  const item = await loadItem(ctx, entry);
  if (!item) return null;
  const backOk = back && back !== key && queue.some((e) => e.key === back) ? back : null;
  return {
    ...base,
    position: index + 1,
    prevKey: backOk ?? queue[index - 1]?.key ?? null,
    nextKey: queue[index + 1]?.key ?? null,
    item,
  };
}

async function loadItem(ctx: Context, entry: QueueEntry): Promise<ReviewItem | null> {
  const db = await getDb();
  const [row] = await db
    .select({ answer: answers, attempt: attempts })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .where(and(eq(answers.attemptId, entry.attemptId), eq(answers.questionId, entry.questionId), eq(attempts.assignmentId, ctx.summary.id)))
    .limit(1);
  const q = ctx.byId.get(entry.questionId);
  if (!row || !q) return null;
  const auto = (row.answer.autoGrade as GradeResult | null) ?? null;
  const teacher = parseTeacherGrade(row.answer.teacherGrade);
  const reviewed = isReviewed(row.answer.teacherUpdatedAt, row.answer.savedAt);
  const g = effectiveGrade(auto, teacher, { maxScore: q.question.points, reviewed });
  const autoCriteria = new Map((auto?.criteria ?? []).map((c) => [c.id, c]));
  const criteria: ReviewCriterionView[] =
    q.question.kind === 'text'
      ? q.question.criteria.map((c) => {
          const a = autoCriteria.get(c.id);
          const t = teacher?.criteria?.[c.id];
          return {
            id: c.id,
            label: a?.label ?? c.label,
            maxScore: a?.maxScore ?? c.points,
            autoScore: a?.score ?? 0,
            feedback: a?.feedback ?? '',
            evidence: a?.evidence ?? [],
            ...(typeof t === 'number' ? { teacher: t } : {}),
          };
        })
      : [];
  return {
    key: entry.key,
    attemptId: row.attempt.id,
    questionId: entry.questionId,
    studentName: rosterName(row.attempt.displayName, row.attempt.nameIndex),
    attemptStatus: row.attempt.status,
    submittedAt: iso(row.attempt.submittedAt),
    questionNumber: q.number,
    sectionTitle: q.sectionTitle,
    question: q.public,
    answer: row.answer.answer,
    savedAt: row.answer.savedAt.toISOString(),
    auto,
    teacher,
    teacherUpdatedAt: iso(row.answer.teacherUpdatedAt),
    changedSinceReview: row.answer.teacherUpdatedAt !== null && !reviewed,
    criteria,
    effective: { score: g.score, maxScore: g.maxScore, autoScore: g.autoScore, adjusted: g.adjusted, needsReview: g.needsReview, text: scoreText(g) },
  };
}

// ---------------------------------------------------------------- saving

export type SaveReviewResult =
  | { ok: true; savedAt: string | null; cleared: boolean; effective: string }
  | { ok: false; notFound: true }
  | { ok: false; notFound?: false; fieldErrors: Record<string, string> };

/**
 * Save (or, with intent "clear", remove) the teacher's grade for one response.
 * Checks that the response belongs to the teacher's assignment, then validates
 * the values against the question's ranges.
 */
export async function saveReview(teacherId: string, form: ReviewForm): Promise<SaveReviewResult> {
  const ctx = await context(teacherId, form.assignmentId);
  if (!ctx || !isUuid(form.attemptId)) return { ok: false, notFound: true };
  const q = ctx.byId.get(form.questionId);
  if (!q) return { ok: false, notFound: true };
  const db = await getDb();
  const [row] = await db
    .select({ auto: answers.autoGrade })
    .from(answers)
    .innerJoin(attempts, eq(attempts.id, answers.attemptId))
    .where(and(eq(answers.attemptId, form.attemptId), eq(answers.questionId, form.questionId), eq(attempts.assignmentId, ctx.summary.id)))
    .limit(1);
  if (!row) return { ok: false, notFound: true };
  const auto = (row.auto as GradeResult | null) ?? null;

  if (form.intent === 'clear') {
    await db
      .update(answers)
      .set({ teacherGrade: null, teacherUpdatedAt: null })
      .where(and(eq(answers.attemptId, form.attemptId), eq(answers.questionId, form.questionId)));
    return { ok: true, savedAt: null, cleared: true, effective: scoreText(effectiveGrade(auto, null, { maxScore: q.question.points })) };
  }

  const limits = {
    maxScore: q.question.points,
    criteria: q.question.kind === 'text' ? q.question.criteria.map((c) => ({ id: c.id, maxScore: c.points, label: c.label })) : [],
  };
  const parsed = teacherGradeSchemaFor(limits).safeParse(teacherGradeFromForm(form));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const [saved] = await db
    .update(answers)
    .set({ teacherGrade: parsed.data, teacherUpdatedAt: sql`now()` })
    .where(and(eq(answers.attemptId, form.attemptId), eq(answers.questionId, form.questionId)))
    .returning({ at: answers.teacherUpdatedAt });
  return {
    ok: true,
    savedAt: iso(saved?.at ?? null),
    cleared: false,
    effective: scoreText(effectiveGrade(auto, parsed.data, { maxScore: q.question.points })),
  };
}

// ---------------------------------------------------------------- returning

/** Release grades and comments to students: sets returned_at = now(). Returns the time, or null (404). */
export async function returnGrades(teacherId: string, assignmentId: string): Promise<Date | null> {
  const row = await assignmentForTeacher(teacherId, assignmentId);
  if (!row) return null;
  const db = await getDb();
  const [updated] = await db
    .update(assignments)
    .set({ returnedAt: sql`now()` })
    .where(eq(assignments.id, row.assignment.id))
    .returning({ at: assignments.returnedAt });
  return updated?.at ?? null;
}

// ---------------------------------------------------------------- item analysis

export interface AnalysisPage {
  assignment: AssignmentSummary;
  students: number;
  questions: QuestionAnalysis[];
}

/** Item analysis over every response, read in keyset-paged batches. */
export async function itemAnalysisForTeacher(teacherId: string, assignmentId: string, batchSize = 2000): Promise<AnalysisPage | null> {
  const ctx = await context(teacherId, assignmentId);
  if (!ctx) return null;
  const db = await getDb();
  const analysis = createItemAnalysis(ctx.questions.map((q) => q.public));
  let after: { attemptId: string; questionId: string } | null = null;
  for (;;) {
    const cursor: SQL | undefined = after
      ? or(gt(answers.attemptId, after.attemptId), and(eq(answers.attemptId, after.attemptId), gt(answers.questionId, after.questionId)))
      : undefined;
    const batch: { attemptId: string; questionId: string; answer: unknown; auto: AnalysisResponse['auto']; teacher: unknown }[] = await db
      .select({
        attemptId: answers.attemptId,
        questionId: answers.questionId,
        answer: answers.answer,
        auto: sql<AnalysisResponse['auto']>`case when ${answers.autoGrade} is null then null else jsonb_build_object(
          'score', ${answers.autoGrade}->'score', 'maxScore', ${answers.autoGrade}->'maxScore',
          'needsReview', coalesce(${answers.autoGrade}->'needsReview', 'false'::jsonb),
          'criteria', ${answers.autoGrade}->'criteria', 'parts', ${answers.autoGrade}->'parts') end`,
        teacher: answers.teacherGrade,
      })
      .from(answers)
      .innerJoin(attempts, eq(attempts.id, answers.attemptId))
      .where(and(eq(attempts.assignmentId, ctx.summary.id), cursor))
      .orderBy(asc(answers.attemptId), asc(answers.questionId))
      .limit(batchSize);
    for (const r of batch) {
      const auto = r.auto ? { ...r.auto, criteria: r.auto.criteria ?? undefined, parts: r.auto.parts ?? undefined } : null;
      analysis.add({ questionId: r.questionId, answer: r.answer, auto, teacher: parseTeacherGrade(r.teacher) });
    }
    const last = batch[batch.length - 1];
    if (!last || batch.length < batchSize) break;
    after = { attemptId: last.attemptId, questionId: last.questionId };
  }
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(attempts)
    .where(eq(attempts.assignmentId, ctx.summary.id));
  return { assignment: ctx.summary, students: count?.n ?? 0, questions: analysis.results() };
}

// ---------------------------------------------------------------- for the export module

export interface ExportContext {
  summary: AssignmentSummary;
  questions: ExerciseQuestion[];
  byId: Map<string, ExerciseQuestion>;
  maxTotal: number;
}

/** The assignment context for an export, or null (→ 404). */
export async function exportContext(teacherId: string, assignmentId: string): Promise<ExportContext | null> {
  return context(teacherId, assignmentId);
}

/** Export contexts for every assignment of the teacher's class (oldest first), or null (→ 404). */
export async function classExportContexts(teacherId: string, classId: string): Promise<{ className: string; assignments: ExportContext[] } | null> {
  if (!isUuid(classId)) return null;
  const db = await getDb();
  const rows = await db
    .select({ assignment: assignments, class: classes })
    .from(classes)
    .leftJoin(assignments, eq(assignments.classId, classes.id))
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .orderBy(asc(assignments.createdAt), asc(assignments.id));
  const first = rows[0];
  if (!first) return null;
  return {
    className: first.class.name,
    assignments: rows.flatMap((r) => (r.assignment ? [contextOf({ assignment: r.assignment, class: r.class })] : [])),
  };
}
