/**
 * Answer formats, one zod schema per question kind, exactly as in
 * shared/exercise-spec.md ("Answer formats"). Shared by the browser (to build
 * answers) and the server (to validate them before grading), so neither side can
 * drift. These contain no answer key and are safe to ship to the client.
 */
import { z } from 'zod';

/** Longest free-text answer, in characters (spec: 2,000). */
export const MAX_TEXT_LENGTH = 2000;

export const choiceAnswerSchema = z.strictObject({
  choice: z.array(z.string().max(100)).max(50),
});

export const highlightAnswerSchema = z.strictObject({
  quote: z.string().max(5000),
  prefix: z.string().max(64).optional(),
  suffix: z.string().max(64).optional(),
  /** Character offset of the quote in the article body (paragraphs joined by "\n\n"); a hint only. */
  position: z.number().int().nonnegative().optional(),
});

export const classifyAnswerSchema = z.strictObject({
  assignments: z.record(z.string().max(100), z.string().max(100)),
});

export const textAnswerSchema = z.strictObject({
  text: z.string(),
});

export type ChoiceAnswer = z.infer<typeof choiceAnswerSchema>;
export type HighlightAnswer = z.infer<typeof highlightAnswerSchema>;
export type ClassifyAnswer = z.infer<typeof classifyAnswerSchema>;
export type TextAnswer = z.infer<typeof textAnswerSchema>;
export type Answer = ChoiceAnswer | HighlightAnswer | ClassifyAnswer | TextAnswer;
