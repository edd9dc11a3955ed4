import { describe, expect, it } from 'vitest';
import { selectionAnswer, wordsOf } from './selection';

describe('selectionAnswer', () => {
  const body = 'one two  three four';
  it('trims whitespace and adds context', () => {
    expect(selectionAnswer(body, 3, 9)).toEqual({ quote: 'two', prefix: 'one ', suffix: '  three four', position: 4 });
  });
  it('returns null for an empty or whitespace selection', () => {
    expect(selectionAnswer(body, 7, 9)).toBeNull();
    expect(selectionAnswer(body, 5, 5)).toBeNull();
  });
});

describe('wordsOf', () => {
  it('splits on whitespace, keeping punctuation and offsets', () => {
    expect(wordsOf('Hi, you there.')).toEqual([
      { text: 'Hi,', start: 0, end: 3 },
      { text: 'you', start: 4, end: 7 },
      { text: 'there.', start: 8, end: 14 },
    ]);
  });
});
