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

/** Levenshtein distance with an upper bound: returns bound+1 as soon as it is exceeded. */
export function boundedLevenshtein(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
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

function approximate(hay: string, needle: string, position: number | undefined, map: number[]): { start: number; end: number } | null {
  if (needle.length < 8 || needle.length > 400) return null;
  const bound = Math.floor(needle.length * 0.15);
  let best: { start: number; end: number; cost: number; dist: number } | null = null;
  for (let s = 0; s < hay.length; s++) {
    if (s > 0 && hay[s - 1] !== ' ') continue; // windows start at word boundaries
    for (const len of [needle.length, needle.length - 1, needle.length + 1]) {
      if (s + len > hay.length) continue;
      const cost = boundedLevenshtein(hay.slice(s, s + len), needle, best ? Math.min(bound, best.cost) : bound);
      if (cost > bound) continue;
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
