import { describe, expect, it } from 'vitest';
import { sameQuestion, splitSegments } from './questions';

describe('questions', () => {
  it('splits at question marks, sentence ends, lines and numbering', () => {
    const s = splitSegments('1. What evidence is there? 2) Who wrote it\n- I would check the sources.');
    expect(s.map((x) => [x.text, x.isQuestion])).toEqual([
      ['What evidence is there?', true],
      ['Who wrote it', true],
      ['I would check the sources.', false],
    ]);
  });
  it('counts indirect questions with "would", not statements of what one would do', () => {
    const s = splitSegments("First I would want to know if he went there. I'd ask whether others agree. I wonder who paid. I would check the sources.");
    expect(s.map((x) => x.isQuestion)).toEqual([true, true, true, false]);
  });
  it('skips fillers before the question word', () => {
    expect(splitSegments('and like how does he know')[0]?.isQuestion).toBe(true);
  });
  it('treats rewordings as the same question', () => {
    const k = (...xs: string[]) => new Set(xs);
    expect(sameQuestion({ kinds: k('evidence'), words: k() }, { kinds: k('evidence'), words: k() })).toBe(true);
    expect(sameQuestion({ kinds: k('bias', 'author'), words: k() }, { kinds: k('bias', 'author'), words: k('muslim') })).toBe(true);
    expect(sameQuestion({ kinds: k('evidence'), words: k('threaten', 'state') }, { kinds: k('evidence'), words: k('foreign', 'backed') })).toBe(false);
    expect(sameQuestion({ kinds: k('author'), words: k() }, { kinds: k('author', 'bias'), words: k() })).toBe(false);
  });
});
