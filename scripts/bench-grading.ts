/**
 * Benchmark of the free-text grader (lib/grading/text): builds a large batch of
 * mixed answers by recombining graded fixture answers and fragments (with
 * typos, shouting, keyword lists and long walls of text mixed in), then grades
 * them all on one core.
 *
 *   npx tsx --conditions=react-server scripts/bench-grading.ts [--n 20000] [--seed 1]
 *
 * Prints plain lines of figures: first-call warm-up time (model load + rubric
 * compile), then answers/second and per-answer latency p50/p99/max.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gradeText } from '../lib/grading/text/index';
import { loadContent, readFixtures } from '../lib/grading/text/load-content';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

const n = arg('n', 20000);
let seed = arg('seed', 1);
function rand(): number {
  // mulberry32: deterministic, so runs are comparable.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}

const root = process.cwd();
const content = loadContent(root);
const fixtureDir = path.join(root, 'lib/grading/fixtures');
const sources = fs
  .readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.jsonl') && !f.includes('holdout'))
  .map((f) => path.join(fixtureDir, f));
const shared = path.resolve(root, '../shared/rubric-samples.jsonl');
if (fs.existsSync(shared)) sources.push(shared);

const byQuestion = new Map<string, string[]>();
const fragments = new Map<string, string[]>();
for (const file of sources) {
  for (const c of readFixtures(file)) {
    if (!content.questions.has(c.questionId)) continue;
    const list = byQuestion.get(c.questionId) ?? [];
    list.push(c.answer.text);
    byQuestion.set(c.questionId, list);
    const frags = fragments.get(c.questionId) ?? [];
    frags.push(...c.answer.text.split(/(?<=[.?!])\s+/).filter((s) => s.trim()));
    fragments.set(c.questionId, frags);
  }
}
const questionIds = [...byQuestion.keys()];
if (questionIds.length === 0) throw new Error('no fixture answers found under lib/grading/fixtures');

function typo(s: string): string {
  const i = Math.floor(rand() * Math.max(1, s.length - 1));
  return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
}

function makeAnswer(qid: string): string {
  const whole = byQuestion.get(qid) ?? [''];
  const frags = fragments.get(qid) ?? [''];
  const r = rand();
  if (r < 0.35) return pick(whole);
  if (r < 0.7) return Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(frags)).join(' ');
  if (r < 0.8) return typo(typo(pick(whole)));
  if (r < 0.85) return pick(whole).toUpperCase();
  if (r < 0.9) return pick(frags).split(/\s+/).slice(0, 4).join(', ');
  if (r < 0.95) {
    let s = '';
    while (s.length < 2100) s += `${pick(frags)} `;
    return s;
  }
  return Array.from({ length: 5 + Math.floor(rand() * 6) }, () => pick(frags)).join(' ');
}

const batch = Array.from({ length: n }, () => {
  const qid = pick(questionIds);
  return { qid, text: makeAnswer(qid) };
});

const first = batch[0] ?? { qid: questionIds[0] as string, text: '' };
const tw = performance.now();
gradeText(content.questions.get(first.qid)!, content.rubrics.get(first.qid)!, { text: first.text }, content.article);
const warm = performance.now() - tw;
// Compile every question's rubric before timing (once per rubric, as in the server).
for (const qid of questionIds)
  gradeText(content.questions.get(qid)!, content.rubrics.get(qid)!, { text: 'warm up' }, content.article);

const lat = new Float64Array(batch.length);
let points = 0;
const t0 = performance.now();
for (let i = 0; i < batch.length; i++) {
  const b = batch[i]!;
  const s = performance.now();
  const res = gradeText(content.questions.get(b.qid)!, content.rubrics.get(b.qid)!, { text: b.text }, content.article, { quotableText: content.quotable });
  lat[i] = performance.now() - s;
  points += res.score;
}
const total = performance.now() - t0;
const sorted = Array.from(lat).sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const avgChars = batch.reduce((s, b) => s + b.text.length, 0) / batch.length;

console.log(`answers ${batch.length}`);
console.log(`average answer length chars ${avgChars.toFixed(0)}`);
console.log(`warm-up first call ms ${warm.toFixed(1)}`);
console.log(`total ms ${total.toFixed(0)}`);
console.log(`answers per second ${((batch.length / total) * 1000).toFixed(0)}`);
console.log(`latency p50 ms ${q(0.5).toFixed(3)}`);
console.log(`latency p99 ms ${q(0.99).toFixed(3)}`);
console.log(`latency max ms ${(sorted[sorted.length - 1] ?? 0).toFixed(3)}`);
console.log(`points awarded ${points}`);
