/**
 * Normalisation for text-quote anchoring: a quote copied from a browser, typed
 * by a student or written in a content file should match the article even when
 * quotes are curly or straight, dashes differ, case differs or whitespace was
 * reflowed. Keeps a map back to the original offsets so a match can be
 * reported as a range in the original text.
 */
export interface NormalizedText {
  text: string;
  /** map[i] = offset in the original string of normalized character i; map[text.length] = original length. */
  map: number[];
}

const QUOTES: Record<string, string> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u2032': "'", '`': "'",
};
const DASH = /[\u2010-\u2015\u2212]/;
const SPACE = /[\s\u00a0\u200b]/;

/** Lowercase, straighten quotes, unify dashes, collapse whitespace runs to one space, trim. */
export function normalizeWithMap(input: string): NormalizedText {
  let text = '';
  const map: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < input.length; i++) {
    let ch = input[i] as string;
    if (SPACE.test(ch)) {
      pendingSpace = text.length > 0;
      continue;
    }
    if (pendingSpace) {
      text += ' ';
      map.push(i);
      pendingSpace = false;
    }
    ch = QUOTES[ch] ?? (DASH.test(ch) ? '-' : ch.toLowerCase());
    // toLowerCase can change length for a few characters; keep one output char per input char.
    if (ch.length !== 1) ch = ch.charAt(0);
    text += ch;
    map.push(i);
  }
  map.push(input.length);
  return { text, map };
}

export function normalizeText(input: string): string {
  return normalizeWithMap(input).text;
}
