import 'server-only';
/**
 * What the reader page needs for one article: the article itself and the
 * student-safe view of its exercise (no answer key).
 */
import { getArticle, listArticles } from './load';
import { toPublicExercise, type PublicExercise } from './public';
import type { Article } from './schema';

export interface ReaderData {
  article: Article;
  exercise?: PublicExercise;
}

export function getReaderData(slug: string): ReaderData | undefined {
  const hit = getArticle(slug);
  if (!hit) return undefined;
  return { article: hit.article, exercise: hit.exercise && toPublicExercise(hit.exercise) };
}

export function readerSlugs(): string[] {
  return listArticles().map((a) => a.article.slug);
}
