/** Test helper: the real shipped content, loaded once (answer keys included). */
import path from 'node:path';
import { loadContent } from '../lib/content/repository';
import { buildArticleText } from '../lib/content/article-text';
import { findQuestion } from '../lib/grading/grade';
import type { Question } from '../lib/content/schema';

export const CONTENT_DIR = path.resolve(__dirname, '..', 'content');
const loaded = loadContent(CONTENT_DIR);
if (loaded.problems.length) throw new Error('content invalid: ' + JSON.stringify(loaded.problems, null, 2));
export const bundle = loaded.bundles.find((b) => b.exercise?.id === 'kazakhstan-jihadist-movement')!;
export const exercise = bundle.exercise!;
export const article = bundle.article;
export const articleText = buildArticleText(article.paragraphs);
export const ctx = { articleText, rubric: bundle.rubric };

export function question<K extends Question['kind']>(id: string, kind: K): Extract<Question, { kind: K }> {
  const q = findQuestion(exercise.sections, id);
  if (!q || q.kind !== kind) throw new Error(`no ${kind} question ${id}`);
  return q as Extract<Question, { kind: K }>;
}
