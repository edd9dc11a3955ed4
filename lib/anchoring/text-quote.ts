/**
 * W3C Web Annotation style text-quote anchoring: find where a quote (plus
 * optional prefix/suffix context and a position hint) sits in a text. Exact
 * match after normalisation first; prefix/suffix and position pick between
 * repeated occurrences; a bounded approximate match is the fallback so that a
 * quote with a stray character still anchors (cf. hypothesis/client's
 * match-quote.ts).
 */
import { normalizeWithMap, normalizeText } from './normalize';

export interface TextQuoteSelector {
  quote: string;
  prefix?: string;
  suffix?: string;
  /** Expected start offset in the original text; a hint only. */
  position?: number;
}

export interface Anchor {
  /** Offsets in the original text, end exclusive. */
  start: number;
  end: number;
  /** True when found only by approximate matching. */
  approximate: boolean;
}

const cache = new Map<string, ReturnType<typeof normalizeWithMap>>();
function normalizedCached(text: string) {
  let n = cache.get(text);
  if (!n) {
    n = normalizeWithMap(text);
    if (cache.size > 32) cache.clear();
    cache.set(text, n);
  }
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Levenshtein distance with an upper bound: returns bound+1 as soon as it is
 * exceeded. Only the diagonal band |i - j| <= bound is computed (cells outside
 * it cost more than the bound anyway), so the cost is O(length × bound).
 */
export function boundedLevenshtein(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const big = bound + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= bound ? j : big;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(b.length, i + bound);
    cur[0] = i <= bound ? i : big;
    if (lo > 1) cur[lo - 1] = big;
    let rowMin = cur[0] as number;
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? big) + 1, (cur[j - 1] ?? big) + 1, (prev[j - 1] ?? big) + cost);
      cur[j] = v > big ? big : v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < b.length) cur[hi + 1] = big;
    if (rowMin > bound) return bound + 1;
    [prev, cur] = [cur, prev];
  }
  const d = prev[b.length] as number;
  return d > bound ? bound + 1 : d;
}

function trimPunctuation(s: string): string {
  return s.replace(/^[\s"'.,;:!?()\[\]-]+|[\s"'.,;:!?()\[\]-]+$/g, '');
}

/**
 * Anchor `selector` in `text`. Returns null when the quote is empty or cannot
 * be found even approximately.
 */
export function anchorQuote(text: string, selector: TextQuoteSelector): Anchor | null {
  const hay = normalizedCached(text);
  let needle = normalizeText(selector.quote);
  if (!needle) return null;
  let hits = findAll(hay.text, needle);
  if (hits.length === 0) {
    const trimmed = trimPunctuation(needle);
    if (trimmed && trimmed !== needle) {
      needle = trimmed;
      hits = findAll(hay.text, needle);
    }
  }
  if (hits.length > 0) {
    const best = pickOccurrence(hay.text, needle, hits, selector, hay.map);
    return toAnchor(hay.map, best, best + needle.length, false);
  }
  const approx = approximate(hay.text, needle, selector.position, hay.map);
  return approx === null ? null : toAnchor(hay.map, approx.start, approx.end, true);
}

function findAll(hay: string, needle: string): number[] {
  const out: number[] = [];
  let i = hay.indexOf(needle);
  while (i !== -1 && out.length < 1000) {
    out.push(i);
    i = hay.indexOf(needle, i + 1);
  }
  return out;
}

function pickOccurrence(hay: string, needle: string, hits: number[], sel: TextQuoteSelector, map: number[]): number {
  if (hits.length === 1 || (sel.prefix === undefined && sel.suffix === undefined && sel.position === undefined)) {
    return hits[0] as number;
  }
  const prefix = sel.prefix ? normalizeText(sel.prefix) : '';
  const suffix = sel.suffix ? normalizeText(sel.suffix) : '';
  let best = hits[0] as number;
  let bestScore = -Infinity;
  for (const h of hits) {
    let score = 0;
    if (prefix) score += commonSuffixLength(hay.slice(Math.max(0, h - prefix.length - 1), h).trimEnd(), prefix.trimEnd()) * 2;
    if (suffix) score += commonPrefixLength(hay.slice(h + needle.length).trimStart(), suffix.trimStart()) * 2;
    if (sel.position !== undefined) score -= Math.abs((map[h] ?? 0) - sel.position) / 1000;
    if (score > bestScore) {
      bestScore = score;
      best = h;
    }
  }
  return best;
}

/**
 * Lower bounds on the edit distance between `needle` and every window of `len`
 * characters of `hay` (window start s → bound[s]), from character and
 * character-pair counts: one edit changes the character counts by at most 2
 * and the pair counts by at most 4, so ceil(L1/2) and ceil(L1/4) of the count
 * differences are both lower bounds. Computed by sliding the window once over
 * the text (O(text length)), they rule out almost every window before the
 * quadratic Levenshtein runs, so a long or odd selection costs well under a
 * millisecond instead of hundreds.
 */
// Count tables reused across calls (one search at a time: JavaScript is single-threaded).
const charCounts = new Int32Array(65536);
const pairCounts = new Int32Array(65536);

function lowerBounds(hay: string, needle: string, len: number): Int32Array {
  const out = new Int32Array(Math.max(0, hay.length - len + 1));
  if (len > hay.length || len < 2) return out;
  charCounts.fill(0);
  pairCounts.fill(0);
  let l1c = 0;
  let l1p = 0;
  // Pairs are hashed into 65,536 buckets; merging buckets can only lower the L1 sum, so it stays a lower bound.
  const pairAt = (t: string, i: number) => (t.charCodeAt(i) * 31 + t.charCodeAt(i + 1)) & 0xffff;
  const bumpChar = (c: number, d: number) => {
    const before = charCounts[c] as number;
    charCounts[c] = before + d;
    l1c += Math.abs(before + d) - Math.abs(before);
  };
  const bumpPair = (p: number, d: number) => {
    const before = pairCounts[p] as number;
    pairCounts[p] = before + d;
    l1p += Math.abs(before + d) - Math.abs(before);
  };
  for (let i = 0; i < needle.length; i++) bumpChar(needle.charCodeAt(i), 1);
  for (let i = 0; i + 1 < needle.length; i++) bumpPair(pairAt(needle, i), 1);
  for (let i = 0; i < len; i++) bumpChar(hay.charCodeAt(i), -1);
  for (let i = 0; i + 1 < len; i++) bumpPair(pairAt(hay, i), -1);
  out[0] = Math.max(Math.ceil(l1c / 2), Math.ceil(l1p / 4));
  for (let s = 1; s + len <= hay.length; s++) {
    bumpChar(hay.charCodeAt(s - 1), 1);
    bumpChar(hay.charCodeAt(s + len - 1), -1);
    bumpPair(pairAt(hay, s - 1), 1);
    bumpPair(pairAt(hay, s + len - 2), -1);
    out[s] = Math.max(Math.ceil(l1c / 2), Math.ceil(l1p / 4));
  }
  return out;
}

/**
 * Edit distances between `needle` and the prefixes of `window` of lengths
 * needle.length - 1, needle.length and needle.length + 1 (bound+1 for any above
 * `bound`): one banded dynamic-programming pass for all three, giving up as
 * soon as every cell of a row exceeds the bound.
 */
function windowDistances(needle: string, window: string, bound: number): [number, number, number] {
  const m = needle.length;
  const n = window.length;
  const big = bound + 1;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j <= bound ? j : big;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(n, i + bound);
    cur[0] = i <= bound ? i : big;
    if (lo > 1) cur[lo - 1] = big;
    let rowMin = cur[0] as number;
    const ci = needle.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min((prev[j] ?? big) + 1, (cur[j - 1] ?? big) + 1, (prev[j - 1] ?? big) + (ci === window.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v > big ? big : v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) cur[hi + 1] = big;
    if (rowMin > bound) return [big, big, big];
    [prev, cur] = [cur, prev];
  }
  const at = (j: number) => (j >= 0 && j <= n ? Math.min(prev[j] ?? big, big) : big);
  return [at(m - 1), at(m), at(m + 1)];
}

function approximate(hay: string, needle: string, position: number | undefined, map: number[]): { start: number; end: number } | null {
  if (needle.length < 8 || needle.length > 400) return null;
  const bound = Math.floor(needle.length * 0.15);
  const lens = [needle.length - 1, needle.length, needle.length + 1] as const;
  const lower = lens.map((len) => lowerBounds(hay, needle, len));
  let best: { start: number; end: number; cost: number; dist: number } | null = null;
  for (let s = 0; s < hay.length; s++) {
    if (s > 0 && hay[s - 1] !== ' ') continue; // windows start at word boundaries
    const limit = best ? Math.min(bound, best.cost) : bound;
    if (!lens.some((len, k) => s + len <= hay.length && (lower[k]?.[s] ?? 0) <= limit)) continue;
    const costs = windowDistances(needle, hay.slice(s, s + needle.length + 1), limit);
    // Same preference order as before: exact length first, then one shorter, then one longer.
    for (const k of [1, 0, 2]) {
      const len = lens[k] as number;
      const cost = costs[k] as number;
      if (s + len > hay.length || cost > bound) continue;
      const dist = position === undefined ? s : Math.abs((map[s] ?? 0) - position);
      if (!best || cost < best.cost || (cost === best.cost && dist < best.dist)) best = { start: s, end: s + len, cost, dist };
    }
  }
  return best && { start: best.start, end: best.end };
}

function toAnchor(map: number[], start: number, end: number, approximate: boolean): Anchor {
  const s = map[start] ?? 0;
  const e = end > start ? (map[end - 1] ?? s) + 1 : s;
  return { start: s, end: e, approximate };
}

/**
 * Does `quote` occur in `text` after normalisation (ignoring surrounding
 * punctuation)? With `wholeWords`, the match must not start or end inside a
 * word ("the author" is not in "the authorities").
 */
export function occursIn(text: string, quote: string, opts: { wholeWords?: boolean } = {}): boolean {
  const needle = trimPunctuation(normalizeText(quote));
  if (!needle) return false;
  const hay = normalizedCached(text).text;
  if (!opts.wholeWords) return hay.includes(needle);
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  for (const at of findAll(hay, needle)) {
    if (!isWord(hay[at - 1]) && !isWord(hay[at + needle.length])) return true;
  }
  return false;
}

/** Build prefix/suffix (up to 32 characters each) for a range, as a browser selection would send them. */
export function describeRange(text: string, start: number, end: number): Required<Omit<TextQuoteSelector, never>> {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    position: start,
  };
}
