/**
 * What grading returns. The same shape serves the reader's "Check" button, the
 * `npm run grade` CLI and (later) stored classroom responses, so a teacher sees
 * exactly what the student saw. Contains no answer key beyond what the feedback
 * deliberately reveals.
 */

/** A span of the student's answer text that a criterion matched (character offsets, end exclusive). */
export interface EvidenceSpan {
  start: number;
  end: number;
}

export interface CriterionResult {
  id: string;
  /** Student-facing name of the criterion. */
  label: string;
  score: number;
  maxScore: number;
  /** Student-facing sentence: what was met, or what is missing. */
  feedback: string;
  /** Where in the answer the engine found support for this criterion. */
  evidence: EvidenceSpan[];
}

/** Per-item verdict for classify questions and per-option verdict for choice questions. */
export interface PartVerdict {
  id: string;
  correct: boolean;
  feedback?: string;
}

export interface GradeResult {
  questionId: string;
  score: number;
  maxScore: number;
  /** True when a teacher should look at this answer (the engine is unsure). */
  needsReview: boolean;
  /** Machine-readable reasons for needsReview, e.g. "keyword-list", "misquote". */
  reviewReasons: string[];
  /** Present for `text` questions, in rubric order. */
  criteria?: CriterionResult[];
  /** Present for classify (items) and choice (selected options). */
  parts?: PartVerdict[];
  /** Student-facing feedback sentences, most important first. */
  feedback: string[];
  /** A pointer back to the text, e.g. "Look at paragraph 6." */
  hint?: string;
}
