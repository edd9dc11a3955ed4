/** The body of POST /api/exercises/{id}/check: which question, and the answer JSON (validated per kind by the grader). */
import { z } from 'zod';

export const checkRequestSchema = z.strictObject({
  questionId: z.string().min(1).max(100),
  answer: z.unknown(),
});
export type CheckRequest = z.infer<typeof checkRequestSchema>;
