import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContent, formatProblem } from './repository';
import { parseArticle, parseExercise } from './parse';
import { CONTENT_DIR } from '../../test/content';

const GOOD = path.join(CONTENT_DIR, 'eurasia-daily-monitor-kazakhstan');

/** Copy the real content folder to a temp dir, apply `edit` to one file, and load it. */
function loadBroken(file: string, edit: (s: string) => string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  const dir = path.join(root, 'eurasia-daily-monitor-kazakhstan');
  fs.cpSync(GOOD, dir, { recursive: true });
  const target = path.join(dir, file);
  const src = fs.readFileSync(target, 'utf8');
  const edited = edit(src);
  expect(edited, 'the edit must change the file').not.toBe(src);
  fs.writeFileSync(target, edited);
  const result = loadContent(root);
  fs.rmSync(root, { recursive: true, force: true });
  return result.problems;
}

describe('shipped content', () => {
  it('is valid, with 10 paragraphs, 17 questions and 40 points', () => {
    const { bundles, problems } = loadContent(CONTENT_DIR);
    expect(problems.map(formatProblem)).toEqual([]);
    const b = bundles.find((x) => x.exercise?.id === 'kazakhstan-jihadist-movement')!;
    expect(b.article.paragraphs).toHaveLength(10);
    expect(b.article.paragraphs[0]).toMatch(/^The jihadist network in Kazakhstan/);
    expect(b.article.paragraphs[7]).toMatch(/Tekushuv reports/); // the original's typo is kept
    const qs = b.exercise!.sections.flatMap((s) => s.questions);
    expect(qs).toHaveLength(17);
    expect(b.exercise!.sections).toHaveLength(4);
    expect(qs.reduce((t, q) => t + q.points, 0)).toBe(40);
  });
  it('keeps web addresses as plain text in the article', () => {
    const { bundles } = loadContent(CONTENT_DIR);
    const body = bundles[0]!.article.paragraphs.join('\n');
    expect(body).toContain('caucasustimes.com/article.asp?id=21146');
    expect(body).toContain('hunafa.com/2010/11/');
  });
});

describe('broken content is rejected with file, path and reason', () => {
  const cases: [string, string, (s: string) => string, RegExp][] = [
    ['YAML syntax error', 'exercise.yaml', (s) => s.replace('title: Who says so?', 'title: [unclosed'), /exercise\.yaml › line \d+, column \d+: invalid YAML/],
    ['unknown question kind', 'exercise.yaml', (s) => s.replace('kind: short', 'kind: essay'), /exercise\.yaml › sections\[2\]\.questions\[0\]\.kind: /],
    ['bad id', 'exercise.yaml', (s) => s.replace('id: main-source', 'id: Main Source'), /sections\[0\]\.questions\[0\]\.id: must be lowercase-kebab-case/],
    ['duplicate question id', 'exercise.yaml', (s) => s.replace('id: dozens\n', 'id: understates\n'), /duplicate question id "understates"/],
    ['no correct option', 'exercise.yaml', (s) => s.replace(/\n\s+correct: true(\n\s+feedback: Yes\. Paragraph 1)/, '$1'), /sections\[0\]\.questions\[0\]\.options: no option is marked correct/],
    ['classify answer names an unknown category', 'exercise.yaml', (s) => s.replace('answer: [officials]', 'answer: [police]'), /questions\[1\]\.items\[1\]\.answer\[0\]: unknown category "police"/],
    ['points do not add up', 'exercise.yaml', (s) => s.replace(/(id: single-source\n\s+kind: text\n\s+)points: 2/, '$1points: 3'), /sections\[0\]\.questions\[2\]\.points: points \(3\) must equal the sum of the criteria points \(2\)/],
    ['highlight key not in the article', 'exercise.yaml', (s) => s.replace('quote: Tekushev\n', 'quote: Tekushov\n'), /questions\[0\]\.key\.quote: highlight key "Tekushov" does not occur/],
    ['quoted span not in the article', 'exercise.yaml', (s) => s.replace('"only weakly connected"', '"barely connected at all"'), /quoted text "barely connected at all" does not occur in the article/],
    ['paragraph out of range', 'exercise.yaml', (s) => s.replace('paragraphs: [8]', 'paragraphs: [18]'), /paragraphs\[0\]: paragraph 18 does not exist \(the article has 10\)/],
    ['empty prompt', 'exercise.yaml', (s) => s.replace('prompt: Sort each figure from the article.', 'prompt: ""'), /questions\[1\]\.prompt: must not be empty/],
    ['unknown field (typo)', 'exercise.yaml', (s) => s.replace('multiple: true', 'multipel: true'), /sections\[0\]\.questions\[1\]\.multipel: unknown field "multipel"/],
    ['article without front matter', 'article.md', (s) => s.replace(/^---\n/, ''), /article\.md: missing front matter/],
    ['article missing headline', 'article.md', (s) => s.replace(/^headline: .*\n/m, ''), /article\.md › headline: /],
    ['slug does not match folder', 'article.md', (s) => s.replace('slug: eurasia-daily-monitor-kazakhstan', 'slug: other-article'), /article\.md › slug: slug "other-article" must match the folder name/],
    ['glossary form not in the article', 'article.md', (s) => s.replace('forms: [propinquity]', 'forms: [propinquitee]'), /article\.md › glossary\[6\]\.forms\[0\]: glossary form "propinquitee" does not occur/],
    ['rubric misses a criterion', 'rubric.yaml', (s) => s.replace(/\n(\s+)lower-bound:(\n\s+any:)/, '\n$1lower-bound-x:$2'), /rubric\.yaml › questions\.understates\.criteria\.lower-bound: criterion "lower-bound" has no match rules/],
  ];
  it.each(cases)('%s', (_name, file, edit, expected) => {
    const problems = loadBroken(file, edit).map(formatProblem);
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('parsers never throw', () => {
  it.each(['', '---', '---\n---\n', '\u0000\u0001', '---\nslug: [\n---\nbody', 'x'.repeat(100_000)])('article %#', (src) => {
    expect(parseArticle('a.md', src).ok).toBe(false);
  });
  it.each(['', 'null', '[]', '{', 'id: x', '- - -'])('exercise %#', (src) => {
    expect(parseExercise('e.yaml', src).ok).toBe(false);
  });
});
