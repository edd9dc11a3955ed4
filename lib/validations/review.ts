/**
 * Teacher review input. `teacherGradeSchema` is the stored shape of
 * answers.teacher_grade (read by the grid, the export and the student's
 * returned-grade view); `teacherGradeSchemaFor(limits)` adds the per-question
 * ranges (0..criterion max, 0..question max); `reviewFormSchema` is the raw
 * form the review page posts. The form and the server action share them.
 */
import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../grading/answers';

export const MAX_COMMENT_LENGTH = MAX_TEXT_LENGTH;

const score = z.number().int('Use a whole number.').min(0, 'A score cannot be negative.').max(1000);

/** answers.teacher_grade: `{criteria?: {criterionId: score}, total?: score, comment?: string}`. */
export const teacherGradeSchema = z.strictObject({
  criteria: z.record(z.string().min(1).max(100), score).optional(),
  total: score.optional(),
  comment: z.string().max(MAX_COMMENT_LENGTH, `Keep the comment to ${MAX_COMMENT_LENGTH.toLocaleString('en')} characters or fewer.`).optional(),
});
export type TeacherGradeInput = z.infer<typeof teacherGradeSchema>;

export interface ScoreLimits {
  maxScore: number;
  criteria: { id: string; maxScore: number; label?: string }[];
}

/** The stored shape plus this question's ranges; errors name `total` or `criteria.<id>`. */
export function teacherGradeSchemaFor(limits: ScoreLimits) {
  const known = new Map(limits.criteria.map((c) => [c.id, c]));
  return teacherGradeSchema.superRefine((g, ctx) => {
    if (g.total !== undefined && g.total > limits.maxScore)
      ctx.addIssue({ code: 'custom', path: ['total'], message: `The total must be from 0 to ${limits.maxScore}.` });
    for (const [id, value] of Object.entries(g.criteria ?? {})) {
      const c = known.get(id);
      if (!c) ctx.addIssue({ code: 'custom', path: ['criteria', id], message: 'This question has no such criterion.' });
      else if (value > c.maxScore)
        ctx.addIssue({ code: 'custom', path: ['criteria', id], message: `${c.label ?? 'This criterion'}: choose a score from 0 to ${c.maxScore}.` });
    }
  });
}

const wholeOrEmpty = z
  .string()
  .trim()
  .max(12, 'Enter a whole number.')
  .refine((s) => s === '' || /^\d+$/.test(s), 'Enter a whole number, or leave it empty to use the sum.')
  .transform((s) => (s === '' ? undefined : Number(s)));

/** What the review form posts (FormData flattened by `reviewFormValues`). */
export const reviewFormSchema = z.strictObject({
  assignmentId: z.uuid('Unknown assignment.'),
  attemptId: z.uuid('Unknown response.'),
  questionId: z.string().min(1).max(100),
  intent: z.enum(['save', 'clear']).default('save'),
  total: wholeOrEmpty.optional(),
  comment: z.string().max(MAX_COMMENT_LENGTH, `Keep the comment to ${MAX_COMMENT_LENGTH.toLocaleString('en')} characters or fewer.`).default(''),
  /** criterion id → "auto" or a whole number. */
  criteria: z
    .record(
      z.string().min(1).max(100),
      z.union([z.literal('auto'), z.string().regex(/^\d{1,4}$/, 'Choose a score.').transform(Number)]),
    )
    .default({}),
});
export type ReviewForm = z.infer<typeof reviewFormSchema>;

/** Flatten the review form's FormData: `criterion:<id>` fields become `criteria[id]`. */
export function reviewFormValues(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const criteria: Record<string, string> = {};
  for (const [key, value] of fd.entries()) {
    if (typeof value !== 'string') continue;
    if (key.startsWith('criterion:')) criteria[key.slice('criterion:'.length)] = value;
    else if (['assignmentId', 'attemptId', 'questionId', 'intent', 'total', 'comment'].includes(key)) out[key] = value;
  }
  out.criteria = criteria;
  return out;
}

/** The teacher grade a validated form stands for ("auto" criteria and an empty total are left out). */
export function teacherGradeFromForm(form: ReviewForm): TeacherGradeInput {
  const criteria: Record<string, number> = {};
  for (const [id, v] of Object.entries(form.criteria)) if (v !== 'auto') criteria[id] = v;
  const grade: TeacherGradeInput = {};
  if (Object.keys(criteria).length > 0) grade.criteria = criteria;
  if (form.total !== undefined) grade.total = form.total;
  if (form.comment.trim()) grade.comment = form.comment;
  return grade;
}

/** zod issues as `{field: message}` (first message per field), for the form to show. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    out[field] ??= issue.message;
  }
  return out;
}
