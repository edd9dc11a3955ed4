/**
 * What a student may see of their own attempt: their answers always; grades
 * and feedback only once released (see release.ts), with the teacher's
 * criterion scores, total and comment winning over the automatic grade.
 * Pure functions over plain rows, so the rule is tested without a database.
 */
import type { GradeResult } from '../grading/types';
import { teacherGradeSchema } from '../validations/review';
import { effectiveGrade } from './scoring';
import { feedbackReleased, studentMayCheck, pendingFeedbackMessage, type FeedbackMode } from './release';

/** A grade as the student sees it: the automatic grade with the teacher's changes applied. */
export interface StudentGrade extends GradeResult {
  /** True when the teacher changed a score or wrote a comment. */
  teacherAdjusted?: boolean;
  teacherComment?: string;
}

/**
 * The automatic grade with the teacher's changes applied, by the same rule the
 * teacher's grid and the CSV use (lib/classroom/scoring.ts `effectiveGrade`),
 * so a student and their teacher always see the same number.
 */
export function studentGrade(autoGrade: GradeResult, teacherGradeRaw: unknown): StudentGrade {
  const parsed = teacherGradeSchema.safeParse(teacherGradeRaw ?? {});
  const tg = parsed.success ? parsed.data : {};
  const comment = tg.comment?.trim() || undefined;
  const hasCriteria = !!tg.criteria && Object.keys(tg.criteria).length > 0;
  if (!hasCriteria && tg.total === undefined && !comment) return autoGrade;

  const eff = effectiveGrade(autoGrade, tg);
  const byId = new Map(eff.criteria.map((c) => [c.id, c.effective]));
  const criteria = autoGrade.criteria?.map((c) => ({ ...c, score: byId.get(c.id) ?? c.score }));
  return {
    ...autoGrade,
    ...(criteria ? { criteria } : {}),
    score: eff.score,
    // A teacher has read it: nothing is waiting for review any more.
    needsReview: false,
    reviewReasons: [],
    feedback: comment ? [`Your teacher's comment: ${comment}`, ...autoGrade.feedback] : autoGrade.feedback,
    teacherAdjusted: eff.adjusted || undefined,
    teacherComment: comment,
  };
}

export interface AttemptRow {
  id: string;
  displayName: string;
  nameIndex: number;
  status: 'in-progress' | 'submitted';
  submittedAt: Date | null;
}
export interface AssignmentRow {
  title: string;
  feedbackMode: FeedbackMode;
  dueAt: Date | null;
  closedAt: Date | null;
  returnedAt: Date | null;
}
export interface AnswerRow {
  questionId: string;
  answer: unknown;
  seq: number;
  savedAt: Date;
  autoGrade: unknown;
  teacherGrade: unknown;
}

export interface StudentAttemptView {
  attempt: { id: string; displayName: string; status: 'in-progress' | 'submitted'; submittedAt: string | null };
  assignment: { title: string; feedbackMode: FeedbackMode; dueAt: string | null; closed: boolean; returned: boolean };
  answers: Record<string, { answer: unknown; seq: number; savedAt: string }>;
  /** Only when released. */
  feedback?: Record<string, StudentGrade>;
  /** What the student may do and is told. */
  canCheck: boolean;
  pendingFeedback: string | null;
}

function isGradeResult(x: unknown): x is GradeResult {
  return !!x && typeof x === 'object' && typeof (x as GradeResult).score === 'number' && Array.isArray((x as GradeResult).feedback);
}

/** The GET /api/attempts/{id} body for the attempt's own student (and the attempt page). */
export function studentAttemptView(attempt: AttemptRow, assignment: AssignmentRow, answers: readonly AnswerRow[]): StudentAttemptView {
  const submitted = attempt.status === 'submitted';
  const returned = assignment.returnedAt !== null;
  const closed = assignment.closedAt !== null && assignment.closedAt.getTime() <= Date.now();
  const state = { mode: assignment.feedbackMode, submitted, returned };
  const view: StudentAttemptView = {
    attempt: { id: attempt.id, displayName: attempt.displayName, status: attempt.status, submittedAt: attempt.submittedAt?.toISOString() ?? null },
    assignment: { title: assignment.title, feedbackMode: assignment.feedbackMode, dueAt: assignment.dueAt?.toISOString() ?? null, closed, returned },
    answers: Object.fromEntries(answers.map((a) => [a.questionId, { answer: a.answer, seq: a.seq, savedAt: a.savedAt.toISOString() }])),
    canCheck: studentMayCheck({ mode: assignment.feedbackMode, submitted, closed }),
    pendingFeedback: pendingFeedbackMessage(state),
  };
  if (feedbackReleased(state)) {
    view.feedback = {};
    for (const a of answers) if (isGradeResult(a.autoGrade)) view.feedback[a.questionId] = studentGrade(a.autoGrade, a.teacherGrade);
  }
  return view;
}
