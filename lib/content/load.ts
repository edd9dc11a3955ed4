import 'server-only';
/**
 * The app's read access to content, answer keys included: server-only, so an
 * import from a client component fails the build. Loads and validates once per
 * process; invalid content throws with every problem listed.
 */
import type { Article, Exercise } from './schema';
import { loadContent, formatProblem, type ContentBundle } from './repository';
import { buildArticleText, type ArticleText } from './article-text';
import type { TextRubricFile } from '../grading/text/rubric-schema';

export interface LoadedExercise {
  exercise: Exercise;
  article: Article;
  articleText: ArticleText;
  rubric?: TextRubricFile;
}

let cached: ContentBundle[] | undefined;

function bundles(): ContentBundle[] {
  if (!cached) {
    const { bundles, problems } = loadContent();
    if (problems.length > 0) throw new Error(`Invalid content:\n${problems.map(formatProblem).join('\n')}`);
    cached = bundles;
  }
  return cached;
}

export function listArticles(): { article: Article; exercise?: Exercise }[] {
  return bundles().map((b) => ({ article: b.article, exercise: b.exercise }));
}

export function getArticle(slug: string): { article: Article; exercise?: Exercise } | undefined {
  const b = bundles().find((x) => x.article.slug === slug);
  return b && { article: b.article, exercise: b.exercise };
}

const loadedExercises = new Map<string, LoadedExercise>();

export function getExercise(id: string): LoadedExercise | undefined {
  const hit = loadedExercises.get(id);
  if (hit) return hit;
  const b = bundles().find((x) => x.exercise?.id === id);
  if (!b?.exercise) return undefined;
  const loaded = { exercise: b.exercise, article: b.article, articleText: buildArticleText(b.article.paragraphs), rubric: b.rubric };
  loadedExercises.set(id, loaded);
  return loaded;
}
