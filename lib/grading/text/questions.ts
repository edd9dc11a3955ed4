/**
 * Splits an answer into the questions it asks, for rubrics that count distinct
 * questions ("write two questions you would want answered"). A question is a
 * segment ending in "?" or opening with a question word or auxiliary; "I would
 * check the sources" is a statement and does not count.
 */

export interface Segment {
  start: number;
  end: number;
  text: string;
  isQuestion: boolean;
}

const STARTERS = new Set(
  (
    'who whom whose what which when where why how is are was were do does did can could would should ' +
    'has have had will may might shall am isnt arent doesnt dont didnt wasnt whats whos wheres hows whys whens'
  ).split(' '),
);

const FILLERS = new Set(
  'and like so but also ok okay then well um plus secondly first firstly second next lastly finally another question q'.split(' '),
);

const JOINED_QUESTION =
  /,?\s+(?:and|or|also|and also)\s+(?=(?:what|who|where|when|why|how|which|whose|is|are|was|were|does|do|did|has|have|can|could|would|should|will)\s)/gi;

/** Split at "?", sentence ends, line breaks and list numbering ("1.", "2)", "-", "•"). */
export function splitSegments(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /[^?.!\n;]+[?.!;]*|\n+/g;
  const pieces: { raw: string; start: number }[] = [];
  for (const m of text.matchAll(re)) {
    // "Who is Tekushev and what evidence does he have?" asks two questions.
    let from = 0;
    for (const j of m[0].matchAll(JOINED_QUESTION)) {
      const at = (j.index ?? 0) + j[0].length;
      pieces.push({ raw: m[0].slice(from, j.index ?? 0), start: (m.index ?? 0) + from });
      from = at;
    }
    pieces.push({ raw: m[0].slice(from), start: (m.index ?? 0) + from });
  }
  for (const { raw, start } of pieces) {
    // Trim list markers and spaces at the front.
    const lead = /^[\s\d.)(\-•*:]*(?:(?:q|question)\s*\d*\s*[:.)-]\s*)?/i.exec(raw)?.[0].length ?? 0;
    const body = raw.slice(lead).trimEnd();
    if (!/\p{L}/u.test(body)) continue;
    // Skip fillers before the question word: "and like how does he know ...".
    const opening = body.toLowerCase().replace(/'/g, '').match(/[\p{L}]+/gu) ?? [];
    let k = 0;
    while (k < opening.length - 1 && k < 3 && FILLERS.has(opening[k] as string)) k++;
    const first = opening[k] ?? '';
    const isQuestion = body.endsWith('?') || STARTERS.has(first);
    out.push({ start: start + lead, end: start + lead + body.length, text: body, isQuestion });
  }
  // "1. What ..." : a lone number followed by "." is part of the next segment, already trimmed.
  return out;
}

/** Jaccard similarity of two signature sets (1 = same question reworded). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Two questions are the same question reworded when they are of the same
 * kinds (evidence, source, bias, ...) and share most of their other words.
 */
export function sameQuestion(
  a: { kinds: ReadonlySet<string>; words: ReadonlySet<string> },
  b: { kinds: ReadonlySet<string>; words: ReadonlySet<string> },
): boolean {
  const kindsEqual = a.kinds.size === b.kinds.size && subset(a.kinds, b.kinds);
  const kindsNested =
    Math.min(a.kinds.size, b.kinds.size) >= 2 && (subset(a.kinds, b.kinds) || subset(b.kinds, a.kinds));
  const wordsEqual = a.words.size === b.words.size && subset(a.words, b.words);
  const wordsNested = subset(a.words, b.words) || subset(b.words, a.words);
  // Same kinds and one adds a detail ("Is he biased?" / "Is he biased against Muslims?"),
  // or nested kinds with nothing else ("Did the writer check the facts?" / "Did he fact-check it?").
  return (kindsEqual && (wordsNested || similarity(a.words, b.words) >= 0.5)) || (kindsNested && wordsEqual);
}

function subset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
