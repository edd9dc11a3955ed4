/**
 * Checks quotations in an answer against the article. Quoting is what this
 * exercise teaches, so a quotation of three or more words that is not in the
 * article earns a gentle note (and a teacher's look); when it is close to a
 * passage, the note gives the article's actual words.
 */
import type { ArticleText } from '../../content/article-text';

export interface QuoteSpan {
  /** Offsets of the quoted text (without the quote marks) in the answer. */
  start: number;
  end: number;
  text: string;
}

export interface QuoteCheck extends QuoteSpan {
  found: boolean;
  /** The article's own words, when the quotation is a near miss. */
  articleWords?: string;
}

/** Normalise for comparison: case, curly/straight quotes, dashes, punctuation, whitespace. */
export function normalizeForQuote(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const PAIRS: [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['‘', '’'],
  ["'", "'"],
];

/** Quoted passages of 3+ words ("...", “...”, '...'; apostrophes inside words are not quote marks). */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const taken: [number, number][] = [];
  for (const [open, close] of PAIRS) {
    const single = open === "'" || open === '‘';
    let i = 0;
    while (i < text.length) {
      const a = text.indexOf(open, i);
      if (a < 0) break;
      // A single quote opens a quotation only at a word start, not in "it's".
      if (single && a > 0 && /[\p{L}\p{N}]/u.test(text[a - 1] ?? '')) {
        i = a + 1;
        continue;
      }
      let b = text.indexOf(close, a + 1);
      if (single) {
        // ...and closes only at a word end not followed by a letter ("Tekushev's" is not a close).
        while (b >= 0 && /[\p{L}\p{N}]/u.test(text[b + 1] ?? '')) b = text.indexOf(close, b + 1);
      }
      if (b < 0) break;
      const inner = text.slice(a + 1, b);
      if (!taken.some(([s, e]) => a < e && b > s) && !inner.includes('\n\n')) {
        const words = normalizeForQuote(inner).split(' ').filter(Boolean);
        if (words.length >= 3) out.push({ start: a + 1, end: b, text: inner });
        taken.push([a, b + 1]);
      }
      i = b + 1;
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

interface ArticleIndex {
  normalized: string;
  words: { norm: string; start: number; end: number }[];
}

const indexCache = new WeakMap<ArticleText, ArticleIndex>();

function articleIndex(article: ArticleText): ArticleIndex {
  const hit = indexCache.get(article);
  if (hit) return hit;
  const words: ArticleIndex['words'] = [];
  const re = /[\p{L}\p{N}'’]+/gu;
  for (const m of article.body.matchAll(re)) {
    const norm = normalizeForQuote(m[0]);
    if (norm) words.push({ norm, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  const idx = { normalized: ` ${words.map((w) => w.norm).join(' ')} `, words };
  indexCache.set(article, idx);
  return idx;
}

const normCache = new Map<string, string>();

/** Normalised " a | b " of the extra texts, cached (they are the same prompt for every answer). */
function normalizedOnce(texts: readonly string[]): string {
  const key = texts.join('\u0000');
  let hit = normCache.get(key);
  if (hit === undefined) {
    hit = ` ${texts.map(normalizeForQuote).join(' | ')} `;
    if (normCache.size > 500) normCache.clear();
    normCache.set(key, hit);
  }
  return hit;
}

/**
 * Check each quotation. `alsoAccept` are other texts a student may quote
 * verbatim (the question prompt, which itself quotes the article).
 */
export function checkQuotes(text: string, article: ArticleText, alsoAccept: readonly string[] = []): QuoteCheck[] {
  const quotes = findQuotes(text);
  if (quotes.length === 0) return [];
  const idx = articleIndex(article);
  const extra = alsoAccept.length ? normalizedOnce(alsoAccept) : '';
  return quotes.map((q) => {
    const norm = normalizeForQuote(q.text);
    if (idx.normalized.includes(` ${norm} `) || extra.includes(` ${norm} `)) return { ...q, found: true };
    const near = nearestPassage(norm.split(' '), idx);
    return near ? { ...q, found: false, articleWords: article.body.slice(near.start, near.end) } : { ...q, found: false };
  });
}

/** The article passage sharing most words, in order, with the quotation (at least 60% of them). */
function nearestPassage(q: string[], idx: ArticleIndex): { start: number; end: number } | undefined {
  const n = q.length;
  if (n > 60) return undefined;
  // A near miss starts with one of the quotation's first three words.
  const heads = new Set(q.slice(0, 3));
  let best = 0;
  let bestAt = -1;
  let bestLen = n;
  for (let i = 0; i < idx.words.length; i++) {
    if (!heads.has(idx.words[i]?.norm ?? '')) continue;
    // Longest common subsequence of the quote and a window starting here.
    const win = Math.min(n + 3, idx.words.length - i);
    const prev = new Array<number>(win + 1).fill(0);
    const cur = new Array<number>(win + 1).fill(0);
    let bestEnd = 0;
    let bestHere = 0;
    for (let a = 1; a <= n; a++) {
      for (let b = 1; b <= win; b++) {
        cur[b] =
          q[a - 1] === idx.words[i + b - 1]?.norm
            ? (prev[b - 1] as number) + 1
            : Math.max(prev[b] as number, cur[b - 1] as number);
      }
      for (let b = 0; b <= win; b++) prev[b] = cur[b] as number;
    }
    for (let b = 1; b <= win; b++) {
      if ((prev[b] as number) > bestHere) {
        bestHere = prev[b] as number;
        bestEnd = b;
      }
    }
    if (bestHere > best) {
      best = bestHere;
      bestAt = i;
      // Show at least as many words as were quoted ("... financial help" -> "... financial assistance").
      bestLen = Math.max(bestEnd, Math.min(n, win));
    }
  }
  if (bestAt < 0 || best / n < 0.6) return undefined;
  const first = idx.words[bestAt];
  const last = idx.words[bestAt + bestLen - 1];
  return first && last ? { start: first.start, end: last.end } : undefined;
}
