/**
 * What a stored answer may look like, per question kind: the grader's answer
 * schemas (lib/grading/answers.ts) plus a length limit on written answers, so
 * the API can refuse a malformed answer with a 422 naming the field
 * ("answer.text") instead of storing it.
 */
import { z } from 'zod';
import { choiceAnswerSchema, classifyAnswerSchema, highlightAnswerSchema, MAX_TEXT_LENGTH } from '../grading/answers';

export type QuestionKind = 'choice' | 'highlight' | 'classify' | 'short' | 'text';

const limitedText = (max: number) =>
  z.strictObject({
    text: z.string().max(max, `Your answer is longer than ${max.toLocaleString('en')} characters: shorten it to save it.`),
  });

export function answerSchemaFor(kind: QuestionKind): z.ZodType {
  switch (kind) {
    case 'choice':
      return choiceAnswerSchema;
    case 'highlight':
      return highlightAnswerSchema;
    case 'classify':
      return classifyAnswerSchema.refine((a) => Object.keys(a.assignments).length <= 100, 'Too many items.');
    case 'short':
    case 'text':
      return limitedText(MAX_TEXT_LENGTH);
  }
}

export type AnswerCheck = { ok: true; answer: unknown } | { ok: false; field: string; message: string };

/** Validate an answer for a question kind; `field` is the JSON path from the request body ("answer.text"). */
export function validateAnswer(kind: QuestionKind, answer: unknown): AnswerCheck {
  const r = answerSchemaFor(kind).safeParse(answer);
  if (r.success) return { ok: true, answer: r.data };
  const issue = r.error.issues[0];
  const field = ['answer', ...(issue?.path ?? []).map(String)].join('.');
  return { ok: false, field, message: `${field}: ${issue?.message ?? 'invalid answer'}` };
}
