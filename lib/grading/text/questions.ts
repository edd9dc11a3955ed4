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
    'has have had will may might shall am isnt arent doesnt dont didnt wasnt'
  ).split(' '),
);

/** Split at "?", sentence ends, line breaks and list numbering ("1.", "2)", "-", "•"). */
export function splitSegments(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /[^?.!\n;]+[?.!;]*|\n+/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const start = m.index ?? 0;
    // Trim list markers and spaces at the front.
    const lead = /^[\s\d.)(\-•*:]*(?:(?:q|question)\s*\d*\s*[:.)-]\s*)?/i.exec(raw)?.[0].length ?? 0;
    const body = raw.slice(lead).trimEnd();
    if (!/\p{L}/u.test(body)) continue;
    const first = /^[\p{L}']+/u.exec(body)?.[0].toLowerCase().replace(/'/g, '') ?? '';
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
