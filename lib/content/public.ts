/**
 * The student-safe view of an exercise: everything needed to show the
 * questions, nothing that reveals the answer key (correct flags, highlight
 * keys, classify answers, expected numbers, rubric criteria, feedback). Only
 * this shape may be passed to client components.
 */
import type { Exercise, Question } from './schema';

interface PublicBase {
  id: string;
  points: number;
  prompt: string;
  paragraphs: number[];
}
export type PublicQuestion =
  | (PublicBase & { kind: 'choice'; multiple: boolean; options: { id: string; text: string }[] })
  | (PublicBase & { kind: 'highlight'; maxWords: number })
  | (PublicBase & { kind: 'classify'; categories: { id: string; label: string }[]; items: { id: string; text: string }[] })
  | (PublicBase & { kind: 'short' })
  | (PublicBase & { kind: 'text'; maxLength: number; criteria: { id: string; label: string; points: number }[] });

export interface PublicSection {
  id: string;
  title: string;
  intro?: string;
  questions: PublicQuestion[];
}

export interface PublicExercise {
  id: string;
  article: string;
  title: string;
  totalPoints: number;
  sections: PublicSection[];
}

export function toPublicQuestion(q: Question): PublicQuestion {
  const base: PublicBase = { id: q.id, points: q.points, prompt: q.prompt, paragraphs: [...q.paragraphs] };
  switch (q.kind) {
    case 'choice':
      return { ...base, kind: 'choice', multiple: q.multiple, options: q.options.map((o) => ({ id: o.id, text: o.text })) };
    case 'highlight':
      return { ...base, kind: 'highlight', maxWords: q.key.maxWords };
    case 'classify':
      return {
        ...base,
        kind: 'classify',
        categories: q.categories.map((c) => ({ id: c.id, label: c.label })),
        items: q.items.map((i) => ({ id: i.id, text: i.text })),
      };
    case 'short':
      return { ...base, kind: 'short' };
    case 'text':
      // Criterion labels say what is looked for ("Names the source"), not the answer.
      return { ...base, kind: 'text', maxLength: q.maxLength, criteria: q.criteria.map((c) => ({ id: c.id, label: c.label, points: c.points })) };
  }
}

export function toPublicExercise(ex: Exercise): PublicExercise {
  const sections = ex.sections.map((s) => ({ id: s.id, title: s.title, intro: s.intro, questions: s.questions.map(toPublicQuestion) }));
  const totalPoints = sections.reduce((t, s) => t + s.questions.reduce((u, q) => u + q.points, 0), 0);
  return { id: ex.id, article: ex.article, title: ex.title, totalPoints, sections };
}
