/**
 * Odd answers for the grading robustness gate (scripts/gate-grading-odd.ts and
 * lib/grading/odd-answers.test.ts): a deterministic generator of strange but
 * possible student input — empty, whitespace, emoji, one word 100 times,
 * 2,000-character walls, right-to-left text, zero-width and combining
 * characters, lone surrogates, the whole article pasted in, HTML, markdown,
 * SQL — wrapped in every answer shape (and malformed shapes) for every
 * question of the shipped exercise. The grader must never throw on any of them.
 */
import { getExercise } from '../content/load';
import { gradeAnswer, quotableTextOf, type GradingContext } from './grade';
import type { Question } from '../content/schema';
import type { GradeResult } from './types';

export const EXERCISE_ID = 'kazakhstan-jihadist-movement';

export interface OddCase {
  question: Question;
  /** Which generator made it (for reports). */
  label: string;
  answer: unknown;
}

/** mulberry32: deterministic, so every run grades the same answers. */
function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gradingContext(): { questions: Question[]; ctx: GradingContext; articleBody: string } {
  const ex = getExercise(EXERCISE_ID);
  if (!ex) throw new Error(`exercise ${EXERCISE_ID} not found`);
  const questions = ex.exercise.sections.flatMap((s) => s.questions);
  return {
    questions,
    ctx: { articleText: ex.articleText, rubric: ex.rubric, quotableText: quotableTextOf(ex.article) },
    articleBody: ex.articleText.body,
  };
}

/** The odd strings: each a function of the article body and the random source. */
function oddStrings(body: string, words: string[], r: () => number): [string, string][] {
  const w = () => words[Math.floor(r() * words.length)] ?? 'word';
  const wall = (n: number, unit: () => string) => {
    let s = '';
    while (s.length < n) s += unit();
    return s.slice(0, n);
  };
  const sentence = () => Array.from({ length: 3 + Math.floor(r() * 12) }, w).join(' ') + '. ';
  return [
    ['empty', ''],
    ['space', ' '],
    ['whitespace', ' \t\n\r\u00a0\u2003\u3000 \n\n'],
    ['newlines', '\n'.repeat(500)],
    ['emoji', '😀🔥👍🏽 🇰🇿 👨‍👩‍👧‍👦 ❤️‍🔥 '.repeat(1 + Math.floor(r() * 40))],
    ['emoji-words', `Tekushev 🤔 is the only source 🙄 nobody 🔍 checked it ✅`],
    ['repeat-100', Array(100).fill(w()).join(' ')],
    ['repeat-100-tekushev', Array(100).fill('Tekushev').join(' ')],
    ['repeat-100-nospace', 'source'.repeat(100)],
    ['wall-2000-words', wall(2000, () => w() + ' ')],
    ['wall-2000-sentences', wall(2000, sentence)],
    ['wall-2000-letters', 'a'.repeat(2000)],
    ['wall-2000-punct', wall(2000, () => '.,;:!?…—-"\'()[]{}'[Math.floor(r() * 16)]!)],
    ['wall-2000-digits', wall(2000, () => String(Math.floor(r() * 1e9)) + ' ')],
    ['wall-2000-negations', wall(2000, () => 'not no never nobody without ')],
    ['arabic', 'المصدر الوحيد هو تكوشيف ولا أحد يستطيع التحقق من ذلك. '.repeat(1 + Math.floor(r() * 20))],
    ['hebrew', 'המקור היחיד הוא טקושב, ואף אחד לא יכול לבדוק את זה. '.repeat(1 + Math.floor(r() * 20))],
    ['bidi-mixed', '\u202eTekushev\u202c is the \u2067only\u2069 source \u200fمصدر\u200e 200 radicals'],
    ['zero-width', 'Te\u200bku\u200dshev\u200c is\ufeff the\u2060 only source'],
    ['zero-width-only', '\u200b\u200c\u200d\ufeff\u2060'.repeat(200)],
    ['combining', 'Tekushev'.split('').map((c) => c + '\u0301\u0308\u0327').join('') + ' is the only source'],
    ['zalgo', wall(2000, () => 'a' + '\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307'.slice(0, 1 + Math.floor(r() * 8)))],
    ['lone-surrogates', 'Tekushev \ud800 is \udfff the only \udbff source \ud83d'],
    ['lone-surrogate-wall', wall(2000, () => (r() < 0.5 ? '\ud800' : '\udc00'))],
    ['nul-and-controls', 'Tekushev\u0000 is\u0001 the\u0007 only\u001b[31m source\u007f'],
    ['whole-article', body],
    ['whole-article-twice', body + '\n\n' + body],
    ['article-slice', body.slice(Math.floor(r() * body.length / 2), Math.floor(body.length / 2 + r() * body.length / 2))],
    ['html', '<script>alert(1)</script><img src=x onerror=alert(2)><b>Tekushev</b> is the <i>only</i> source'],
    ['html-wall', wall(2000, () => '<div><span>')],
    ['markdown', '# Answer\n\n**Tekushev** is the _only_ source.\n\n- nobody\n- can\n- check\n\n> "a new study"\n\n[link](javascript:alert(1)) `code`'],
    ['sql', "'; drop table answers; -- Tekushev\" OR 1=1; --"],
    ['numbers', '200 two hundred 1e308 -0 NaN Infinity 0x1F 9007199254740993 ⅕ ٣'],
    ['long-word', 'x'.repeat(5000)],
    ['quotes', '"""""""""""' + '“'.repeat(300) + "'".repeat(300)],
    ['regex-meta', '.*+?^${}()|[]\\ '.repeat(100)],
    ['mixed-scripts', 'Текушев 特库舍夫 Τεκουσέφ Tekushev 테쿠셰프'],
    ['random-sentence', sentence() + sentence() + sentence()],
  ];
}

/** Answer shapes for one string, by question kind, plus malformed shapes for every kind. */
function shapes(q: Question, s: string, r: () => number): [string, unknown][] {
  const out: [string, unknown][] = [];
  switch (q.kind) {
    case 'choice': {
      const ids = q.options.map((o) => o.id);
      out.push(['choice-text', { choice: [s] }]);
      out.push(['choice-mixed', { choice: [ids[Math.floor(r() * ids.length)]!, s.slice(0, 100)] }]);
      out.push(['choice-all', { choice: ids.concat(ids) }]);
      break;
    }
    case 'highlight':
      out.push(['quote', { quote: s }]);
      out.push(['quote-affixes', { quote: s.slice(0, 5000), prefix: s.slice(0, 64), suffix: s.slice(-64), position: Math.floor(r() * 20000) }]);
      break;
    case 'classify': {
      const items = q.items.map((i) => i.id);
      out.push(['classify-values', { assignments: Object.fromEntries(items.map((i) => [i, s.slice(0, 100)])) }]);
      out.push(['classify-keys', { assignments: { [s.slice(0, 100)]: q.categories[0]!.id } }]);
      break;
    }
    case 'short':
    case 'text':
      out.push(['text', { text: s }]);
      break;
  }
  return out;
}

/** Malformed answer JSON, as a broken or hostile client might send. */
function malformed(s: string): [string, unknown][] {
  let deep: unknown = s;
  for (let i = 0; i < 2000; i++) deep = [deep];
  return [
    ['null', null],
    ['number', 42],
    ['nan', NaN],
    ['string', s],
    ['array', [s, s]],
    ['empty-object', {}],
    ['wrong-type-text', { text: 12345 }],
    ['wrong-type-choice', { choice: s }],
    ['wrong-type-quote', { quote: ['a'] }],
    ['wrong-type-assignments', { assignments: [s] }],
    ['extra-field', { text: s, choice: [s], quote: s, assignments: {}, extra: true }],
    ['proto-keys', JSON.parse(`{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "text": ${JSON.stringify(s.slice(0, 50))}}`)],
    ['proto-assignments', JSON.parse('{"assignments": {"__proto__": "x", "constructor": "y", "toString": "z"}}')],
    ['deep-nesting', { text: deep }],
    ['huge-array', { choice: Array(100_000).fill('x') }],
  ];
}

/** `n` odd answers spread over every question of the exercise. */
export function oddAnswers(n: number, seed = 1): OddCase[] {
  const { questions, articleBody } = gradingContext();
  const r = rng(seed);
  const words = articleBody.split(/\s+/).filter(Boolean);
  const out: OddCase[] = [];
  // First, every odd string in every shape and every malformed shape for every question (systematic).
  const strings = oddStrings(articleBody, words, r);
  for (const q of questions)
    for (const [sl, s] of strings) {
      for (const [shl, a] of shapes(q, s, r)) out.push({ question: q, label: `${sl}/${shl}`, answer: a });
    }
  for (const q of questions) for (const [ml, a] of malformed(strings[Math.floor(r() * strings.length)]![1])) out.push({ question: q, label: `malformed/${ml}`, answer: a });
  // Then random combinations of odd strings, until n.
  while (out.length < n) {
    const q = questions[Math.floor(r() * questions.length)]!;
    const fresh = oddStrings(articleBody, words, r);
    const parts = Array.from({ length: 1 + Math.floor(r() * 3) }, () => fresh[Math.floor(r() * fresh.length)]!);
    const s = parts.map((p) => p[1]).join(r() < 0.5 ? ' ' : '');
    const label = parts.map((p) => p[0]).join('+');
    const pick = r() < 0.1 ? malformed(s) : shapes(q, s, r);
    const [shl, a] = pick[Math.floor(r() * pick.length)]!;
    out.push({ question: q, label: `${label}/${shl}`, answer: a });
  }
  return out.slice(0, n);
}

/** A grade is sane: finite score between 0 and the question's points. */
export function checkResult(q: Question, g: GradeResult): string | undefined {
  if (!g || typeof g !== 'object') return 'no result';
  if (g.questionId !== q.id) return `questionId ${g.questionId}`;
  if (!Number.isFinite(g.score) || g.score < 0 || g.score > g.maxScore) return `score ${g.score} of ${g.maxScore}`;
  if (g.maxScore !== q.points) return `maxScore ${g.maxScore} ≠ points ${q.points}`;
  if (!Array.isArray(g.feedback)) return 'feedback not a list';
  return undefined;
}

export interface OddRun {
  count: number;
  thrown: { label: string; questionId: string; error: string }[];
  insane: { label: string; questionId: string; problem: string }[];
  times: number[];
  /** Index into the cases, per time. */
  slowest: { label: string; questionId: string; ms: number; index: number }[];
}

/** Grade every case, timing each; never stops at a failure. */
export function runOdd(cases: OddCase[], ctx: GradingContext, now: () => number): OddRun {
  const run: OddRun = { count: 0, thrown: [], insane: [], times: [], slowest: [] };
  for (const [index, c] of cases.entries()) {
    const t0 = now();
    let g: GradeResult | undefined;
    try {
      g = gradeAnswer(c.question, c.answer, ctx);
    } catch (e) {
      run.thrown.push({ label: c.label, questionId: c.question.id, error: e instanceof Error ? e.message : String(e) });
    }
    const ms = now() - t0;
    run.count++;
    run.times.push(ms);
    run.slowest.push({ label: c.label, questionId: c.question.id, ms, index });
    if (run.slowest.length > 50) run.slowest = run.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
    if (g) {
      const p = checkResult(c.question, g);
      if (p) run.insane.push({ label: c.label, questionId: c.question.id, problem: p });
    }
  }
  run.slowest = run.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
  return run;
}

/**
 * Re-time the answers that took longer than `limitMs` (best of `tries`): on a
 * loaded machine one answer may be paused by the scheduler or the garbage
 * collector; an answer that is really slow is slow every time.
 */
export function retimeSlow(cases: OddCase[], run: OddRun, ctx: GradingContext, now: () => number, limitMs: number, tries = 5): { times: number[]; retimed: { label: string; questionId: string; first: number; best: number }[] } {
  const times = [...run.times];
  const retimed: { label: string; questionId: string; first: number; best: number }[] = [];
  times.forEach((ms, i) => {
    if (ms <= limitMs) return;
    const c = cases[i]!;
    let best = Infinity;
    for (let k = 0; k < tries; k++) {
      const t0 = now();
      gradeAnswer(c.question, c.answer, ctx);
      best = Math.min(best, now() - t0);
    }
    times[i] = best;
    retimed.push({ label: c.label, questionId: c.question.id, first: ms, best });
  });
  return { times, retimed };
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
