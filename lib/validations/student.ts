/**
 * Inputs from students: joining, resuming, saving an answer, submitting. One
 * schema per input, shared by the JSON API, the server actions behind the
 * no-JavaScript forms and the browser (which checks a name before sending).
 * Every field has a size limit.
 */
import { z } from 'zod';

/** Longest display name, after trimming and collapsing spaces. */
export const MAX_NAME_LENGTH = 40;
/** Longest join or resume code a person could type (with dashes and spaces). */
export const MAX_CODE_LENGTH = 20;
/** Largest seq a client may send (the column is a 32-bit integer). */
export const MAX_SEQ = 2_147_483_647;

/** "  Sam   Lee " → "Sam Lee": trimmed, every run of whitespace one space, control characters removed. */
export function cleanDisplayName(raw: string): string {
  return raw.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ' ').replace(/\s+/g, ' ').trim();
}

export const displayNameSchema = z
  .string({ error: 'Type your name.' })
  .max(400, 'That name is too long: use at most 40 characters.')
  .transform(cleanDisplayName)
  .pipe(z.string().min(1, 'Type your name.').max(MAX_NAME_LENGTH, `That name is too long: use at most ${MAX_NAME_LENGTH} characters.`));

const codeSchema = (what: string) =>
  z
    .string({ error: `Type the ${what}.` })
    .trim()
    .min(1, `Type the ${what}.`)
    .max(MAX_CODE_LENGTH, `That ${what} is too long: check it with your teacher.`);

export const joinSchema = z.strictObject({
  code: codeSchema('class code'),
  name: displayNameSchema,
});
export type JoinInput = z.infer<typeof joinSchema>;

export const resumeSchema = z.strictObject({
  code: codeSchema('class code'),
  resumeCode: codeSchema('resume code'),
});
export type ResumeInput = z.infer<typeof resumeSchema>;

/**
 * PUT /api/attempts/{id}/answers/{questionId}. The answer's shape depends on
 * the question kind and is checked against lib/grading/answers.ts once the
 * question is known (see answerSchemaFor in lib/classroom/answers.ts).
 */
export const saveAnswerSchema = z.strictObject({
  answer: z.unknown().refine((v) => v !== undefined, 'Send the answer.'),
  seq: z.number({ error: 'seq must be a whole number.' }).int('seq must be a whole number.').min(0).max(MAX_SEQ),
});
export type SaveAnswerInput = z.infer<typeof saveAnswerSchema>;

export const submitSchema = z.strictObject({
  idempotencyKey: z.string().min(1, 'Send an idempotencyKey.').max(100),
});
export type SubmitInput = z.infer<typeof submitSchema>;

/** A question id in a URL. */
export const questionIdSchema = z.string().min(1).max(100);
