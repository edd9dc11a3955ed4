/**
 * Node-only helpers for tests, the agreement report and the benchmark: load the
 * shipped exercise, article and rubric from content/, and read graded fixture
 * files. The server has its own loader; this one only needs to agree with the
 * content format (exercise.yaml via exerciseSchema, article.md body paragraphs
 * split on blank lines, rubric.yaml via textRubricFileSchema).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { exerciseSchema, type TextQuestion } from '../../content/schema';
import { buildArticleText, type ArticleText } from '../../content/article-text';
import { textRubricFileSchema, type TextQuestionRubric } from './rubric-schema';

export interface LoadedContent {
  questions: Map<string, TextQuestion>;
  rubrics: Map<string, TextQuestionRubric>;
  article: ArticleText;
  /** Headline, photo caption and credit: quotable besides the body (gradeText's `quotableText`). */
  quotable: string[];
}

/** Body paragraphs of an article.md (after the YAML front matter), split on blank lines. */
export function articleParagraphs(markdown: string): string[] {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(markdown);
  const body = m ? markdown.slice(m[0].length) : markdown;
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** Load one article folder of content/ (default: the Kazakhstan exercise). */
export function loadContent(
  root = process.cwd(),
  slug = 'eurasia-daily-monitor-kazakhstan',
): LoadedContent {
  const dir = path.join(root, 'content', slug);
  const exercise = exerciseSchema.parse(parse(fs.readFileSync(path.join(dir, 'exercise.yaml'), 'utf8')));
  const rubricFile = textRubricFileSchema.parse(parse(fs.readFileSync(path.join(dir, 'rubric.yaml'), 'utf8')));
  const articleMd = fs.readFileSync(path.join(dir, 'article.md'), 'utf8');
  const article = buildArticleText(articleParagraphs(articleMd));
  const front = (parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(articleMd)?.[1] ?? '') ?? {}) as {
    headline?: unknown;
    image?: { caption?: unknown; credit?: unknown };
  };
  const quotable = [front.headline, front.image?.caption, front.image?.credit].filter(
    (x): x is string => typeof x === 'string',
  );
  if (typeof front.image?.caption === 'string' && typeof front.image.credit === 'string')
    quotable.push(`${front.image.caption} (Source: ${front.image.credit})`);
  const questions = new Map<string, TextQuestion>();
  for (const s of exercise.sections) for (const q of s.questions) if (q.kind === 'text') questions.set(q.id, q);
  const rubrics = new Map<string, TextQuestionRubric>(Object.entries(rubricFile.questions));
  return { questions, rubrics, article, quotable };
}

export interface FixtureCase {
  id: string;
  questionId: string;
  answer: { text: string };
  human: Record<string, number>;
  why?: string;
  tags?: string[];
  review?: boolean;
}

/** Read a JSON Lines fixture file (lines starting with "#" are comments). */
export function readFixtures(file: string): FixtureCase[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.trimStart().startsWith('#'))
    .map((l) => JSON.parse(l) as FixtureCase);
}
