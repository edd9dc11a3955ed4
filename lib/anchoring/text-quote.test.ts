import { describe, expect, it } from 'vitest';
import { anchorQuote, describeRange, occursIn, boundedLevenshtein } from './text-quote';
import { normalizeWithMap } from './normalize';

const TEXT = 'He said “hello there”—and then Tekushev reports. Later Tekushev says  no.\n\nTekushev reports again.';

describe('normalizeWithMap', () => {
  it('folds quotes, dashes, case and whitespace and maps back to original offsets', () => {
    const n = normalizeWithMap('A “B”\u2014  C');
    expect(n.text).toBe('a "b"- c');
    expect(n.map[n.text.indexOf('c')]).toBe(8);
  });
});

describe('anchorQuote', () => {
  it('finds an exact quote', () => {
    const a = anchorQuote(TEXT, { quote: 'Tekushev says' });
    expect(a && TEXT.slice(a.start, a.end)).toBe('Tekushev says');
  });
  it('ignores curly/straight quotes, dashes, case and whitespace', () => {
    const a = anchorQuote(TEXT, { quote: '"HELLO there"-and' });
    expect(a && TEXT.slice(a.start, a.end)).toBe('“hello there”—and');
    const b = anchorQuote(TEXT, { quote: 'tekushev   says no' });
    expect(b && TEXT.slice(b.start, b.end)).toBe('Tekushev says  no');
  });
  it('uses the first occurrence without context', () => {
    const a = anchorQuote(TEXT, { quote: 'Tekushev reports' });
    expect(a?.start).toBe(TEXT.indexOf('Tekushev reports'));
  });
  it('uses prefix/suffix to pick a repeated occurrence', () => {
    const second = TEXT.lastIndexOf('Tekushev reports');
    const a = anchorQuote(TEXT, { quote: 'Tekushev reports', prefix: 'no.\n\n', suffix: ' again' });
    expect(a?.start).toBe(second);
  });
  it('uses the position hint when context is missing', () => {
    const second = TEXT.lastIndexOf('Tekushev');
    expect(anchorQuote(TEXT, { quote: 'Tekushev', position: second })?.start).toBe(second);
  });
  it('falls back to approximate matching for a slightly wrong quote', () => {
    const a = anchorQuote(TEXT, { quote: 'Later Tekushev sayz no' });
    expect(a?.approximate).toBe(true);
    expect(a && TEXT.slice(a.start, a.end)).toContain('Tekushev say');
  });
  it('returns null for empty or absent quotes', () => {
    expect(anchorQuote(TEXT, { quote: '   ' })).toBeNull();
    expect(anchorQuote(TEXT, { quote: 'completely different words here' })).toBeNull();
  });
  it('round-trips describeRange', () => {
    const start = TEXT.lastIndexOf('Tekushev');
    const sel = describeRange(TEXT, start, start + 8);
    expect(anchorQuote(TEXT, sel)?.start).toBe(start);
  });
});

describe('helpers', () => {
  it('occursIn trims surrounding punctuation', () => {
    expect(occursIn(TEXT, '"then Tekushev reports."')).toBe(true);
    expect(occursIn(TEXT, 'Tekushev denies')).toBe(false);
  });
  it('boundedLevenshtein', () => {
    expect(boundedLevenshtein('kitten', 'sitting', 5)).toBe(3);
    expect(boundedLevenshtein('kitten', 'sitting', 1)).toBe(2);
  });
});
