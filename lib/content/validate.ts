/**
 * Cross-file checks that a schema alone cannot express: the exercise points at
 * an existing article, every highlight key and every quoted span (in prompts,
 * feedback and the rubric's `articleQuote` fields) occurs in the article text,
 * paragraph references exist, and the text rubric covers exactly the criteria
 * of the exercise. Pure: works on parsed objects.
 */
import type { Article, Exercise } from './schema';
import type { ContentProblem } from './parse';
import { formatPath } from './parse';
import { buildArticleText } from './article-text';
import { anchorQuote, occursIn } from '../anchoring/text-quote';
import type { TextRubricFile } from '../grading/text/rubric-schema';

/**
 * Quoted spans of 2+ words in prose: "..." or “...” — content files use double
 * quotes only for the article's own words (single quotes ‘...’ for anything
 * else), so each such span must occur in the article. Ellipses split a quote.
 */
export function quotedSpans(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/["“]([^"“”]+)["”]/g)) {
    for (const part of (m[1] ?? '').split(/\.\.\.|…/)) {
      const t = part.trim();
      if (t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 2) out.push(t);
    }
  }
  return out;
}

/** Every string in a nested value, with its path. */
function* strings(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

export function validateExerciseAgainstArticle(file: string, exercise: Exercise, article: Article): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const text = buildArticleText(article.paragraphs);
  const searchable = [article.headline, article.image?.caption ?? '', text.body].join('\n\n');
  if (exercise.article !== article.slug)
    problems.push({ file, path: 'article', message: `names article "${exercise.article}", but the article in this folder is "${article.slug}"` });

  exercise.sections.forEach((section, si) =>
    section.questions.forEach((q, qi) => {
      const at = (...rest: PropertyKey[]) => formatPath(['sections', si, 'questions', qi, ...rest]);
      q.paragraphs.forEach((n, pi) => {
        if (n > article.paragraphs.length)
          problems.push({ file, path: at('paragraphs', pi), message: `paragraph ${n} does not exist (the article has ${article.paragraphs.length})` });
      });
      if (q.kind === 'highlight') {
        const a = anchorQuote(text.body, q.key);
        if (!a || a.approximate) problems.push({ file, path: at('key', 'quote'), message: `highlight key "${q.key.quote}" does not occur in the article text` });
        else {
          if (q.key.prefix && !occursIn(text.body, q.key.prefix + q.key.quote))
            problems.push({ file, path: at('key', 'prefix'), message: `prefix + quote "${q.key.prefix}${q.key.quote}" does not occur in the article text` });
          if (q.key.suffix && !occursIn(text.body, q.key.quote + q.key.suffix))
            problems.push({ file, path: at('key', 'suffix'), message: `quote + suffix "${q.key.quote}${q.key.suffix}" does not occur in the article text` });
        }
      }
      for (const [path, s] of strings(q)) {
        const last = path[path.length - 1];
        if (last === 'id' || last === 'kind') continue;
        for (const span of quotedSpans(s))
          if (!occursIn(searchable, span, { wholeWords: true }))
            problems.push({ file, path: at(...path), message: `quoted text "${span}" does not occur in the article` });
      }
    }),
  );

  article.glossary.forEach((g, gi) =>
    g.forms.forEach((f, fi) => {
      if (!text.body.toLowerCase().includes(f.toLowerCase()))
        problems.push({ file: file.replace(/exercise\.ya?ml$/, 'article.md'), path: formatPath(['glossary', gi, 'forms', fi]), message: `glossary form "${f}" does not occur in the article body` });
    }),
  );
  return problems;
}

export function validateRubric(file: string, rubric: TextRubricFile, exercise: Exercise, article: Article): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const body = buildArticleText(article.paragraphs).body;
  if (rubric.exercise !== exercise.id)
    problems.push({ file, path: 'exercise', message: `names exercise "${rubric.exercise}", but the exercise in this folder is "${exercise.id}"` });
  const textQuestions = new Map(
    exercise.sections.flatMap((s) => s.questions).filter((q) => q.kind === 'text').map((q) => [q.id, q] as const),
  );
  for (const [qid, q] of textQuestions) {
    const r = rubric.questions[qid];
    if (!r) {
      problems.push({ file, path: formatPath(['questions', qid]), message: `text question "${qid}" has no rubric` });
      continue;
    }
    for (const c of q.criteria)
      if (!(c.id in r.criteria)) problems.push({ file, path: formatPath(['questions', qid, 'criteria', c.id]), message: `criterion "${c.id}" has no match rules` });
    for (const cid of Object.keys(r.criteria))
      if (!q.criteria.some((c) => c.id === cid))
        problems.push({ file, path: formatPath(['questions', qid, 'criteria', cid]), message: `"${cid}" is not a criterion of "${qid}" in the exercise` });
  }
  for (const qid of Object.keys(rubric.questions))
    if (!textQuestions.has(qid)) problems.push({ file, path: formatPath(['questions', qid]), message: `"${qid}" is not a text question of the exercise` });
  for (const [path, s] of strings(rubric)) {
    if (path[path.length - 1] === 'articleQuote' || path[path.length - 2] === 'articleQuote')
      if (!occursIn(body, s)) problems.push({ file, path: formatPath(path), message: `articleQuote "${s}" does not occur in the article text` });
  }
  return problems;
}
