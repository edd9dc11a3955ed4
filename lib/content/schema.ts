/**
 * zod schemas for content files (articles and exercises). One schema per file
 * kind; types are inferred from them so the content, the grader and the UI can
 * never disagree about shape. Cross-file checks (highlight keys occur in the
 * article, ...) live in `validate.ts`.
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase-kebab-case (a-z, 0-9 and "-")');
const text = z.string().trim().min(1, 'must not be empty');

export const glossaryEntrySchema = z.strictObject({
  term: text,
  /** Spellings to mark in the text; the first occurrence in the article is marked. */
  forms: z.array(text).min(1),
  definition: text.max(400, 'keep definitions short (400 characters at most)'),
});

export const articleFrontMatterSchema = z.strictObject({
  slug: id,
  headline: text,
  publication: text,
  volume: z.union([z.number().int().positive(), text]).optional(),
  issue: z.union([z.number().int().positive(), text]).optional(),
  date: text.optional(),
  image: z
    .strictObject({ caption: text, credit: text.optional() })
    .optional(),
  summary: text,
  topics: z.array(text).default([]),
  readingMinutes: z.number().int().positive().optional(),
  contentNote: text.optional(),
  introduction: text.optional(),
  glossary: z.array(glossaryEntrySchema).default([]),
});

export const articleSchema = articleFrontMatterSchema.extend({
  paragraphs: z.array(text).min(1, 'the article body has no paragraphs'),
});

const paragraphs = z.array(z.number().int().positive()).default([]);

const questionBase = {
  id,
  points: z.number().int().positive(),
  prompt: text,
  /** Paragraph numbers the question is about; used for hints ("Look at paragraph 6"). */
  paragraphs,
  /** Extra teaching points shown with every checked answer. */
  notes: z.array(text).default([]),
};

export const choiceOptionSchema = z.strictObject({
  id,
  text,
  correct: z.boolean().default(false),
  feedback: text.optional(),
});

export const choiceQuestionSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('choice'),
    multiple: z.boolean().default(false),
    /** all-or-nothing: full points only for the exact set; plus-minus: +1 per right pick, -1 per wrong, floor 0. */
    scoring: z.enum(['all-or-nothing', 'plus-minus']).default('all-or-nothing'),
    options: z.array(choiceOptionSchema).min(2),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'no option is marked correct: true' });
    if (!q.multiple && correct !== 1)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a single-choice question needs exactly one correct option' });
    if (q.scoring === 'plus-minus' && correct !== q.points)
      ctx.addIssue({ code: 'custom', path: ['points'], message: `plus-minus scoring needs points = number of correct options (${correct})` });
  });

export const highlightQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('highlight'),
  /** The words a correct selection must contain, anchored W3C-style (quote + prefix/suffix). */
  key: z.strictObject({
    quote: text,
    prefix: z.string().max(64).optional(),
    suffix: z.string().max(64).optional(),
    maxWords: z.number().int().positive().default(12),
  }),
  feedback: z.strictObject({
    correct: text,
    wrongPlace: text,
    missingName: text,
    tooLong: text,
  }),
});

export const classifyQuestionSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('classify'),
    categories: z.array(z.strictObject({ id, label: text })).min(2),
    items: z
      .array(
        z.strictObject({
          id,
          text,
          /** Accepted category ids (usually one). */
          answer: z.array(id).min(1),
          feedback: text.optional(),
        }),
      )
      .min(1),
  })
  .superRefine((q, ctx) => {
    const cats = new Set(q.categories.map((c) => c.id));
    q.items.forEach((item, i) =>
      item.answer.forEach((a, j) => {
        if (!cats.has(a))
          ctx.addIssue({ code: 'custom', path: ['items', i, 'answer', j], message: `unknown category "${a}"` });
      }),
    );
    if (q.points !== q.items.length)
      ctx.addIssue({ code: 'custom', path: ['points'], message: `classify questions score 1 per item: points must be ${q.items.length}` });
  });

export const shortQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('short'),
  expected: z.strictObject({ number: z.number() }),
  feedback: z.strictObject({
    correct: text,
    approximate: text,
    incorrect: text,
    noNumber: text,
  }),
});

export const textCriterionSchema = z.strictObject({
  id,
  points: z.number().int().positive(),
  /** Short student-facing name of what the criterion looks for. */
  label: text,
  met: text,
  /** For criteria worth 2+ points: what to say when only some points were earned. */
  partial: text.optional(),
  missing: text,
});

export const textQuestionSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('text'),
    maxLength: z.number().int().positive().max(2000).default(2000),
    criteria: z.array(textCriterionSchema).min(1),
  })
  .superRefine((q, ctx) => {
    const sum = q.criteria.reduce((s, c) => s + c.points, 0);
    if (sum !== q.points)
      ctx.addIssue({ code: 'custom', path: ['points'], message: `points (${q.points}) must equal the sum of the criteria points (${sum})` });
  });

export const questionSchema = z.discriminatedUnion('kind', [
  choiceQuestionSchema,
  highlightQuestionSchema,
  classifyQuestionSchema,
  shortQuestionSchema,
  textQuestionSchema,
]);

export const sectionSchema = z.strictObject({
  id,
  title: text,
  intro: text.optional(),
  questions: z.array(questionSchema).min(1),
});

export const exerciseSchema = z
  .strictObject({
    id,
    /** Slug of the article in the same folder. */
    article: id,
    title: text,
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((ex, ctx) => {
    const seen = new Map<string, string>();
    ex.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        if (seen.has(q.id))
          ctx.addIssue({ code: 'custom', path: ['sections', si, 'questions', qi, 'id'], message: `duplicate question id "${q.id}"` });
        seen.set(q.id, s.id);
      }),
    );
  });

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type Article = z.infer<typeof articleSchema>;
export type Question = z.infer<typeof questionSchema>;
export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;
export type HighlightQuestion = z.infer<typeof highlightQuestionSchema>;
export type ClassifyQuestion = z.infer<typeof classifyQuestionSchema>;
export type ShortQuestion = z.infer<typeof shortQuestionSchema>;
export type TextQuestion = z.infer<typeof textQuestionSchema>;
export type TextCriterion = z.infer<typeof textCriterionSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
export type QuestionKind = Question['kind'];
