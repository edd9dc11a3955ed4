/**
 * Whole-answer signals that make a grade doubtful, independent of the rubric:
 * a bare list of keywords (which must not earn credit for reasoning), text
 * that is not English, one word repeated over and over, and an answer that is
 * mostly pasted from the article. Each is cheap and deliberately conservative:
 * a flag sends the answer to a teacher, so false alarms cost teacher time.
 */
import type { Analysis } from './normalize';

/** Common English function words: every English sentence has some, lists and other languages rarely do. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if so because as of to in on at by for with from about into than then ' +
    'it its is are was were be been being am do does did done have has had not no never ' +
    'i you he she we they me him her us them my your his our their this that these those there here ' +
    'what who whom whose which when where why how would could should can will may might must shall ' +
    'one some any all more most other another only just also very too out up down over again ' +
    'say says said said think know get got make made like way each both such own same'
  ).split(' '),
);

/** Words that make a fragment a clause (a verb or a subject), i.e. not a bare keyword. */
const CLAUSE_WORDS = new Set(
  (
    'is are was were be been am do does did have has had can could would should will may might must ' +
    'it he she they we i you this that there because so if which who not'
  ).split(' '),
);

export interface KeywordListSignal {
  isList: boolean;
  /** Character spans of the list's items. */
  segments: { start: number; end: number; words: number }[];
}

const SEPARATOR = /[,;/|\n•·]+|\s[-–—]\s|\s+(?:and|&)\s+/giu;

/**
 * "Tekushev, bias, confirm, second source" is a list, not an answer: several
 * short fragments and no clause anywhere.
 */
export function detectKeywordList(text: string, analysis: Analysis): KeywordListSignal {
  const segments: KeywordListSignal['segments'] = [];
  let last = 0;
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = /^[\s\d.)*-]*/.exec(raw)?.[0].length ?? 0;
    const body = raw.slice(lead).trimEnd();
    if (!/\p{L}/u.test(body)) return;
    segments.push({ start: start + lead, end: start + lead + body.length, words: body.split(/\s+/).filter(Boolean).length });
  };
  for (const m of text.matchAll(SEPARATOR)) {
    push(last, m.index ?? 0);
    last = (m.index ?? 0) + m[0].length;
  }
  push(last, text.length);
  // "source estimate check": three to six bare words, no separators, no
  // function word and no sentence end: keywords, one item per word.
  const n = analysis.words.length;
  if (
    segments.length === 1 &&
    n >= 3 &&
    n <= 6 &&
    !/[.!?]/.test(text) &&
    analysis.words.every((w) => !FUNCTION_WORDS.has(w.lower) && !CLAUSE_WORDS.has(w.lower) && /^[a-z]+$/.test(w.lower))
  ) {
    return { isList: true, segments: analysis.words.map((w) => ({ start: w.start, end: w.end, words: 1 })) };
  }
  if (segments.length < 2 || n < 3) return { isList: false, segments };
  const lengths = segments.map((s) => s.words);
  const longest = Math.max(...lengths);
  const avg = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  const clauseWords = analysis.words.filter((w) => CLAUSE_WORDS.has(w.lower)).length;
  const hasSentenceEnd = /[.!?]\s+\p{Lu}/u.test(text);
  const isList =
    longest <= 4 && avg <= 2.6 && clauseWords === 0 && !hasSentenceEnd && (segments.length >= 3 || longest <= 2);
  return { isList, segments };
}

/** Share of letters outside the Latin script, and of words that are English function words. */
export function detectNotEnglish(text: string, analysis: Analysis): boolean {
  // Plain ASCII is all Latin; only count scripts when there is something else.
  if (!/^[\u0000-\u007f]*$/.test(text)) {
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
    if (letters >= 6 && latin / letters < 0.5) return true;
  }
  const words = analysis.words.filter((w) => /\p{L}/u.test(w.lower));
  if (words.length < 5) return false;
  const fn = words.filter((w) => FUNCTION_WORDS.has(w.lower)).length;
  const known = words.filter((w) => !w.oov).length;
  return fn / words.length < 0.12 && known / words.length < 0.6;
}

/** "bias bias bias bias ...": few distinct words in a long answer. */
export function detectRepetition(analysis: Analysis): boolean {
  const n = analysis.words.length;
  if (n < 10) return false;
  const distinct = new Set(analysis.words.map((w) => w.lemma)).size;
  return distinct / n < 0.3;
}

const articleTrigrams = new WeakMap<object, Set<string>>();

function trigrams(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 < words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

function plainWords(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Mostly pasted from the article: long, and most of its word triples occur there. */
export function detectCopiedText(text: string, article: { body: string }): boolean {
  const words = plainWords(text);
  if (words.length < 25) return false;
  let set = articleTrigrams.get(article);
  if (!set) {
    set = new Set(trigrams(plainWords(article.body)));
    articleTrigrams.set(article, set);
  }
  const grams = trigrams(words);
  const inArticle = grams.filter((g) => set.has(g)).length;
  return inArticle / grams.length >= 0.6;
}

/**
 * The student changes their mind mid-answer ("Actually no, ...", "No wait",
 * "Or maybe ..."): which answer counts is a teacher's call.
 */
export function detectSelfCorrection(text: string): boolean {
  return (
    /(?:^|[.!?;]\s*|,\s*)(?:actually|well,? actually|no,? wait|wait,? no|hmm+|on second thought|scratch that|never ?mind|i mean)\b/i.test(text) ||
    /(?:^|[.!?]\s+)well,/i.test(text) ||
    /\bor maybe\b|\bmaybe not\b/i.test(text)
  );
}
