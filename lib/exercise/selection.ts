/**
 * Builds a highlight answer (W3C text quote: quote + prefix/suffix + position)
 * from body offsets, trimming surrounding whitespace so that a sloppy mouse
 * selection and a word-by-word keyboard selection give the same answer.
 */
import type { HighlightAnswer } from '../grading/answers';

export const CONTEXT_CHARS = 32;

export function selectionAnswer(body: string, start: number, end: number): HighlightAnswer | null {
  let s = Math.max(0, Math.min(start, body.length));
  let e = Math.max(s, Math.min(end, body.length));
  while (s < e && /\s/.test(body[s] ?? '')) s++;
  while (e > s && /\s/.test(body[e - 1] ?? '')) e--;
  if (e <= s) return null;
  return {
    quote: body.slice(s, e),
    prefix: body.slice(Math.max(0, s - CONTEXT_CHARS), s),
    suffix: body.slice(e, e + CONTEXT_CHARS),
    position: s,
  };
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Words of a paragraph with their offsets (relative to the paragraph). */
export function wordsOf(paragraph: string): Word[] {
  return Array.from(paragraph.matchAll(/\S+/g), (m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}
