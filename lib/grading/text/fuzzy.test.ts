import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, isNearMiss, isNearPrefix, maxEdits } from './fuzzy';

describe('fuzzy', () => {
  it('counts edits, with a swap as one', () => {
    expect(damerauLevenshtein('tekushev', 'tekushev', 2)).toBe(0);
    expect(damerauLevenshtein('tekashev', 'tekushev', 2)).toBe(1);
    expect(damerauLevenshtein('tekusev', 'tekushev', 2)).toBe(1);
    expect(damerauLevenshtein('teksuhev', 'tekushev', 2)).toBe(1);
    expect(damerauLevenshtein('abc', 'xyz', 1)).toBe(2); // gives up past the limit
  });
  it('allows more edits only for longer words', () => {
    expect(maxEdits(4)).toBe(0);
    expect(maxEdits(6)).toBe(1);
    expect(maxEdits(9)).toBe(2);
  });
  it('accepts typical misspellings, rejects short or distant words', () => {
    expect(isNearMiss('tekushuv', 'tekushev')).toBe(true);
    expect(isNearMiss('baised', 'biased')).toBe(true);
    expect(isNearMiss('bias', 'bass')).toBe(false);
    expect(isNearMiss('officials', 'tekushev')).toBe(false);
    expect(isNearPrefix('varified', 'verif')).toBe(true);
    expect(isNearPrefix('vote', 'verif')).toBe(false);
  });
});
