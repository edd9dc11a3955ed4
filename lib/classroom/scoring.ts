/**
 * Effective grades: the automatic grade (GradeResult stored when the student
 * saved) combined with the teacher's changes (answers.teacher_grade). Framework-
 * free and safe anywhere (server, client, scripts): the grid, the review queue,
 * item analysis, the CSV export and the student's returned-grade view all use
 * `effectiveGrade`, so a score is the same number everywhere.
 *
 * Rules (the teacher wins):
 *  1. a teacher `total` is the score;
 *  2. else, for questions with rubric criteria (text), the sum over criteria of
 *     the teacher's value where set and the automatic value otherwise;
 *  3. else the automatic score (0 when there is no automatic grade).
 * Every value is clamped to 0..max, so a stale or hand-edited row can never
 * produce "3/2". Both numbers stay available: `autoScore` beside `score`.
 */
import type { GradeResult } from '../grading/types';

/** What a teacher stores for one response (validated by lib/validations/review.ts). */
export interface TeacherGrade {
  /** Per-criterion scores by criterion id (text questions). Missing id = use the automatic score. */
  criteria?: Record<string, number>;
  /** Override of the question's total. */
  total?: number;
  /** Comment for the student (shown when grades are returned). */
  comment?: string;
}

/** The parts of an automatic grade that scoring needs; a full GradeResult fits. */
export interface AutoScore {
  score: number;
  maxScore: number;
  needsReview: boolean;
  reviewReasons?: string[];
  criteria?: { id: string; label?: string; score: number; maxScore: number }[];
}

export interface EffectiveCriterion {
  id: string;
  label: string;
  maxScore: number;
  auto: number;
  /** The teacher's value, when set. */
  teacher?: number;
  effective: number;
}

export interface EffectiveGrade {
  score: number;
  maxScore: number;
  /** The engine's score (null when there is no automatic grade). */
  autoScore: number | null;
  /** How `score` was arrived at. */
  source: 'teacher-total' | 'teacher-criteria' | 'auto' | 'none';
  /** The teacher set a total or at least one criterion (the "✎" marker, the CSV flag). */
  adjusted: boolean;
  /** The teacher saved a review (even one that keeps every automatic score). */
  reviewed: boolean;
  /** The engine asked for a teacher's look and the teacher has not reviewed it yet. */
  needsReview: boolean;
  criteria: EffectiveCriterion[];
  comment?: string;
}

export interface EffectiveOptions {
  /** The question's points, used when there is no automatic grade. */
  maxScore?: number;
  /**
   * Whether the teacher's review is current. Defaults to "a teacher grade
   * exists"; callers pass false when the student changed the answer after it.
   */
  reviewed?: boolean;
}

const clamp = (n: number, max: number) => (Number.isFinite(n) ? Math.min(Math.max(n, 0), Math.max(max, 0)) : 0);

/** Combine the automatic grade and the teacher's changes into the score that counts. Never throws. */
export function effectiveGrade(
  auto: AutoScore | GradeResult | null | undefined,
  teacher: TeacherGrade | null | undefined,
  options: EffectiveOptions = {},
): EffectiveGrade {
  const maxScore = auto?.maxScore ?? options.maxScore ?? 0;
  const autoScore = auto ? clamp(auto.score, maxScore) : null;
  const teacherCriteria = teacher?.criteria ?? {};
  const criteria: EffectiveCriterion[] = (auto?.criteria ?? []).map((c) => {
    const t = teacherCriteria[c.id];
    const out: EffectiveCriterion = {
      id: c.id,
      label: c.label ?? c.id,
      maxScore: c.maxScore,
      auto: clamp(c.score, c.maxScore),
      effective: clamp(c.score, c.maxScore),
    };
    if (typeof t === 'number') {
      out.teacher = clamp(t, c.maxScore);
      out.effective = out.teacher;
    }
    return out;
  });
  const criteriaSet = criteria.some((c) => c.teacher !== undefined);
  const totalSet = typeof teacher?.total === 'number';

  let score: number;
  let source: EffectiveGrade['source'];
  if (totalSet) {
    score = clamp(teacher!.total!, maxScore);
    source = 'teacher-total';
  } else if (criteriaSet) {
    score = clamp(
      criteria.reduce((s, c) => s + c.effective, 0),
      maxScore,
    );
    source = 'teacher-criteria';
  } else if (autoScore !== null) {
    score = autoScore;
    source = 'auto';
  } else {
    score = 0;
    source = 'none';
  }
  const reviewed = options.reviewed ?? (teacher !== null && teacher !== undefined);
  const comment = teacher?.comment?.trim() ? teacher.comment : undefined;
  return {
    score,
    maxScore,
    autoScore,
    source,
    adjusted: totalSet || criteriaSet,
    reviewed,
    needsReview: Boolean(auto?.needsReview) && !reviewed,
    criteria,
    ...(comment ? { comment } : {}),
  };
}

/** Format a number for display: integers as is, others with at most 2 decimals ("1.5"). */
export function formatScore(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** "1/2", or "auto 1/2 → teacher 2/2" when the teacher changed it: both always visible. */
export function scoreText(g: Pick<EffectiveGrade, 'score' | 'maxScore' | 'autoScore' | 'adjusted'>): string {
  const eff = `${formatScore(g.score)}/${formatScore(g.maxScore)}`;
  if (!g.adjusted) return eff;
  const auto = g.autoScore === null ? '–' : formatScore(g.autoScore);
  return `auto ${auto}/${formatScore(g.maxScore)} → teacher ${eff}`;
}

/** A student's name as the teacher sees it: the second "Sam" in a class is "Sam (2)". */
export function rosterName(displayName: string, nameIndex: number): string {
  return nameIndex > 1 ? `${displayName} (${nameIndex})` : displayName;
}

const REASONS: Record<string, string> = {
  'keyword-list': 'looks like a list of keywords',
  repetitive: 'repeats the same words',
  'not-english': 'not in English',
  'copied-text': 'copies the article instead of explaining',
  contradiction: 'contradicts itself',
  misquote: 'quotes words that are not in the article',
  'unmatched-substantive': 'substantial answer that matched nothing',
  'no-rubric': 'no rubric: cannot be checked automatically',
  'grader-error': 'the automatic check failed',
  'key-not-found': 'the answer key could not be found in the article',
};

/** The engine's machine-readable review reason in plain words. */
export function reviewReasonText(code: string): string {
  return REASONS[code] ?? code.replace(/-/g, ' ');
}
