/**
 * The answer key must never reach a student's browser: after `next build`, no
 * distinctive text from the key or the rubric may appear in any file under
 * .next/static (the JavaScript and CSS shipped to browsers), nor in the
 * reader page's HTML.
 */
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const contentDir = path.join(process.cwd(), 'content', 'eurasia-daily-monitor-kazakhstan');
const exercise = parse(fs.readFileSync(path.join(contentDir, 'exercise.yaml'), 'utf8'));
const rubric = parse(fs.readFileSync(path.join(contentDir, 'rubric.yaml'), 'utf8'));
const articleSource = fs.readFileSync(path.join(contentDir, 'article.md'), 'utf8').toLowerCase();

/** Every concept phrase of the rubric (shared and per question). */
function rubricPhrases(): string[] {
  const lists: Record<string, string[]>[] = [rubric.concepts ?? {}, ...Object.values<{ concepts?: Record<string, string[]> }>(rubric.questions).map((q) => q.concepts ?? {})];
  return lists.flatMap((l) => Object.values(l).flat()).map(String);
}

/** Secrets: feedback and rubric sentences that only the server may send, after a check. */
function secrets(): string[] {
  const out = new Set<string>();
  for (const s of exercise.sections)
    for (const q of s.questions) {
      for (const o of q.options ?? []) if (o.feedback) out.add(o.feedback);
      for (const i of q.items ?? []) if (i.feedback) out.add(i.feedback.trim());
      for (const c of q.criteria ?? []) out.add(c.met.trim());
      if (q.feedback?.correct) out.add(q.feedback.correct.trim());
      if (q.key) out.add(`"quote":"${q.key.quote}"`);
    }
  out.add('You named the source, Islam Tekushev and his study.');
  out.add('"correct":true');
  // Rubric: long concept phrases (those that are not simply words of the article).
  rubricPhrases()
    .filter((p) => p.length >= 16 && !articleSource.includes(p.toLowerCase()))
    .forEach((p) => out.add(p.trim()));
  return [...out].filter((s) => s.length >= 12);
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('no answer key or rubric text in .next/static', () => {
  const files = filesUnder(path.join(process.cwd(), '.next', 'static')).filter((f) => /\.(js|css|json|txt|html)$/.test(f));
  expect(files.length).toBeGreaterThan(3);
  const list = secrets();
  expect(list.length).toBeGreaterThan(30);
  const leaks: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    for (const s of list) if (text.includes(s)) leaks.push(`${path.relative(process.cwd(), f)}: ${s.slice(0, 60)}`);
  }
  expect(leaks).toEqual([]);
});

test('the reader page HTML carries no key either', async ({ request }) => {
  const html = await (await request.get('/articles/eurasia-daily-monitor-kazakhstan')).text();
  expect(html).toContain('Tekushev');
  const leaks = secrets().filter((s) => html.includes(s) || html.includes(JSON.stringify(s).slice(1, -1)));
  expect(leaks).toEqual([]);
});
