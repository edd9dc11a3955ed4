/**
 * The shape of a rubric file (content/<article>/rubric.yaml): how free-written
 * answers are matched to the criteria of exercise.yaml. The rubric is data so a
 * teacher can write one for a new article without touching code; this schema
 * catches mistakes (unknown concept, empty phrase) before any student does.
 * The format itself is documented at the top of the shipped rubric.yaml.
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase-kebab-case (a-z, 0-9 and "-")');

/** One phrase of a concept, e.g. "no .. evidence|proof" (syntax: see rubric.yaml). */
const phrase = z.string().trim().min(1, 'a phrase must not be empty');

/** "concept" (said, not negated), "not concept" (negated), "either concept" (either way). */
const REF = /^(?:(not|either) +)?([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const ref = z.string().trim().regex(REF, 'a concept reference is "name", "not name" or "either name"');

/**
 * A condition: one concept reference, or several that must all occur (by
 * default in one sentence), optionally with `none`: references that must NOT
 * occur there ("In short" + "summing up", but not about Tekushev).
 */
export const conditionSchema = z.union([
  ref,
  z.strictObject({
    all: z.array(ref).min(1),
    none: z.array(ref).default([]),
    within: z.enum(['sentence', 'answer']).default('sentence'),
  }),
]);

export const criterionRubricSchema = z
  .strictObject({
    /**
     * `fact` criteria (naming a source) can be earned by a bare keyword;
     * `reasoning` criteria (the default) need sentences, so a keyword list earns none.
     */
    type: z.enum(['fact', 'reasoning']).default('reasoning'),
    /** Met (full points) when any condition holds. */
    any: z.array(conditionSchema).min(1).optional(),
    /** Count distinct kinds: 1 point per kind whose conditions hold, up to the criterion's points. */
    kinds: z.record(id, z.array(conditionSchema).min(1)).optional(),
    /** Count distinct real questions (ending "?" or opening with a question word) about these topics. */
    questions: z.strictObject({ about: z.array(conditionSchema).min(1) }).optional(),
    /** Not met when any of these holds (e.g. calling an estimate "exact"). */
    unless: z.array(conditionSchema).default([]),
  })
  .superRefine((c, ctx) => {
    const forms = [c.any, c.kinds, c.questions].filter((x) => x !== undefined).length;
    if (forms !== 1)
      ctx.addIssue({ code: 'custom', message: 'a criterion needs exactly one of `any`, `kinds` or `questions`' });
  });

const contradictionSchema = z.union([
  id, // the concept both said and negated
  z.tuple([id, id]), // two concepts that cannot both be said
]);

export const textQuestionRubricSchema = z.strictObject({
  /** Concepts for this question only (added to, and overriding, the file's shared concepts). */
  concepts: z.record(id, z.array(phrase).min(1)).default({}),
  criteria: z.record(id, criterionRubricSchema),
  /** Concepts whose affirmation and negation in one answer mean the answer contradicts itself. */
  contradictions: z.array(contradictionSchema).default([]),
  /** Flag a zero-score answer for review only from this many words on (default 8). */
  substantiveWords: z.number().int().positive().default(8),
});

function refName(r: string): string {
  return (REF.exec(r.trim())?.[2] ?? r).trim();
}

function conditionRefs(c: z.infer<typeof conditionSchema>): string[] {
  return typeof c === 'string' ? [refName(c)] : [...c.all, ...c.none].map(refName);
}

export const textRubricFileSchema = z
  .strictObject({
    exercise: id,
    /** Concepts shared by every question of the file. */
    concepts: z.record(id, z.array(phrase).min(1)).default({}),
    questions: z.record(id, textQuestionRubricSchema),
  })
  .superRefine((file, ctx) => {
    for (const [qid, q] of Object.entries(file.questions)) {
      const known = new Set([...Object.keys(file.concepts), ...Object.keys(q.concepts)]);
      const check = (name: string, path: (string | number)[]) => {
        if (!known.has(name))
          ctx.addIssue({ code: 'custom', path: ['questions', qid, ...path], message: `unknown concept "${name}"` });
      };
      for (const [cid, c] of Object.entries(q.criteria)) {
        const conds = [
          ...(c.any ?? []),
          ...Object.values(c.kinds ?? {}).flat(),
          ...(c.questions?.about ?? []),
          ...c.unless,
        ];
        for (const cond of conds) for (const name of conditionRefs(cond)) check(name, ['criteria', cid]);
      }
      q.contradictions.forEach((c, i) =>
        (typeof c === 'string' ? [c] : c).forEach((name) => check(name, ['contradictions', i])),
      );
    }
  })
  .transform((file) => ({
    ...file,
    // Each question carries the shared concepts too, so it can be graded on its own.
    questions: Object.fromEntries(
      Object.entries(file.questions).map(([qid, q]) => [qid, { ...q, concepts: { ...file.concepts, ...q.concepts } }]),
    ),
  }));

export type TextRubricFile = z.infer<typeof textRubricFileSchema>;
/** The rubric of one text question, with the file's shared concepts merged in. */
export type TextQuestionRubric = z.infer<typeof textQuestionRubricSchema>;
export type CriterionRubric = z.infer<typeof criterionRubricSchema>;
export type Condition = z.infer<typeof conditionSchema>;

/** Split a concept reference into its polarity and concept name. */
export function parseRef(r: string): { polarity: 'affirmed' | 'negated' | 'either'; concept: string } {
  const m = REF.exec(r.trim());
  const p = m?.[1];
  return { polarity: p === 'not' ? 'negated' : p === 'either' ? 'either' : 'affirmed', concept: m?.[2] ?? r.trim() };
}
