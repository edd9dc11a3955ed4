/**
 * The grading engine on 1,000 odd answers (the smaller, in-suite version of
 * `npm run gate:grading-odd`, which grades 10,000): never throws, always a
 * sane grade, never more than 20 ms per answer once warm.
 */
import { performance } from 'node:perf_hooks';
import { gradingContext, oddAnswers, percentile, retimeSlow, runOdd } from './odd-answers.fixture';
import { anchorQuote } from '../anchoring/text-quote';
import { analyze } from './text/normalize';

const LIMIT_MS = 20;

describe('grading odd answers', () => {
  const { ctx, questions } = gradingContext();
  const cases = oddAnswers(1000, 7);

  it('covers every question and every odd kind of input', () => {
    expect(new Set(cases.map((c) => c.question.id)).size).toBe(questions.length);
    expect(questions.length).toBe(17);
    const labels = cases.map((c) => c.label).join(' ');
    for (const kind of ['empty', 'whitespace', 'emoji', 'repeat-100', 'wall-2000', 'arabic', 'hebrew', 'zero-width', 'combining', 'lone-surrogates', 'whole-article', 'html', 'markdown', 'malformed/'])
      expect(labels, kind).toContain(kind);
  });

  it('never throws, always a sane grade, at most 20 ms per answer', () => {
    const now = () => performance.now();
    const warm = runOdd(cases, ctx, now); // first pass: model load, rubric compile, JIT
    const run = runOdd(cases, ctx, now);
    expect(warm.thrown).toEqual([]);
    expect(run.thrown).toEqual([]);
    expect(run.insane).toEqual([]);
    const { times, retimed } = retimeSlow(cases, run, ctx, now, LIMIT_MS / 2);
    const max = Math.max(...times);
    console.log(`grading odd answers: count=${run.count} p99=${percentile(times, 99).toFixed(2)}ms max=${max.toFixed(2)}ms (raw max ${Math.max(...run.times).toFixed(2)}ms, ${retimed.length} re-timed)`);
    expect(max, JSON.stringify(retimed.filter((r) => r.best > LIMIT_MS))).toBeLessThanOrEqual(LIMIT_MS);
  });

  it('a long odd highlight selection is ruled out without the quadratic search', () => {
    const body = ctx.articleText.body;
    const words = body.split(' ');
    // 400 characters of article words in a random order: no window is close, and it must be quick.
    const shuffled = words.slice(0, 80).reverse().join(' ').slice(0, 400);
    anchorQuote(body, { quote: shuffled });
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      anchorQuote(body, { quote: shuffled });
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(LIMIT_MS);
  });

  it('a 2,000-letter "word" is split before stemming, offsets unchanged', () => {
    const text = 'Tekushev ' + 'a'.repeat(2000);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      analyze(text);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(LIMIT_MS);
    const a = analyze(text);
    expect(a.words[0]).toMatchObject({ start: 0, end: 8, lower: 'tekushev' });
    expect(a.words.length).toBeGreaterThan(10);
  });
});
