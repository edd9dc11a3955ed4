/**
 * Misspelling tolerance. Students write "tekashev", "Tekusev", "baised",
 * "confrim": we accept one edit in words of 6+ letters and two in words of 9+.
 * Short words get none ("bias" vs "bass" would be a false friend), and the
 * matcher only tries this for words wink does not know, so a real English word
 * ("based") is never read as a typo of another ("biased").
 */

/** Edits allowed when matching a rubric word of this length. */
export function maxEdits(length: number): number {
  if (length >= 9) return 2;
  if (length >= 6) return 1;
  return 0;
}

/**
 * Optimal-string-alignment Damerau-Levenshtein distance (a swap of two
 * neighbours counts as one edit), giving up early: returns `max + 1` as soon
 * as the distance must exceed `max`.
 */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (a === b) return 0;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] as number;
}

/** True when `typed` is close enough to the rubric word `target` to count as a misspelling of it. */
export function isNearMiss(typed: string, target: string): boolean {
  const max = maxEdits(target.length);
  if (max === 0 || typed.length < 5) return false;
  return damerauLevenshtein(typed, target, max) <= max;
}

/** Prefix form: does `typed` start with something within one edit of `prefix` ("varif" ~ "verif*")? */
export function isNearPrefix(typed: string, prefix: string): boolean {
  if (prefix.length < 5 || typed.length < prefix.length - 1) return false;
  for (let len = prefix.length - 1; len <= prefix.length + 1; len++) {
    if (len > typed.length) break;
    if (damerauLevenshtein(typed.slice(0, len), prefix, 1) <= 1) return true;
  }
  return false;
}
