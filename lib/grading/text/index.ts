/**
 * Grading engine for free-written (`text`) answers. Public surface: the grader,
 * the rubric file schema, and the pieces other tools may reuse (quotation check).
 */
export { gradeText, compileQuestionRubric, type GradeTextOptions } from './grade';
export {
  textRubricFileSchema,
  textQuestionRubricSchema,
  type TextRubricFile,
  type TextQuestionRubric,
  type CriterionRubric,
} from './rubric-schema';
export { checkQuotes, findQuotes, normalizeForQuote } from './quotes';
