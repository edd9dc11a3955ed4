import { describe, expect, it } from 'vitest';
import { analyze, prepare } from './normalize';

function negated(text: string): string[] {
  return analyze(text)
    .words.filter((w) => w.negatedBy >= 0)
    .map((w) => w.lower);
}

describe('normalize', () => {
  it('keeps offsets into the original text', () => {
    const text = 'It’s NOT from “Tekushev” — it’s\n\nfrom officials 😀.';
    const a = analyze(text);
    const tek = a.words.find((w) => w.lower === 'tekushev');
    expect(tek && text.slice(tek.start, tek.end)).toBe('Tekushev');
    for (const w of a.words) expect(text.slice(w.start, w.end).toLowerCase().replace(/’/g, "'")).toMatch(/\S/);
  });
  it('prepare() preserves length', () => {
    for (const t of ['Cross-check İstanbul ’s', 'ǅ ß ﬁ']) expect(prepare(t).length).toBe(t.length);
  });
  it('reads contractions as full words', () => {
    expect(analyze("doesn't it's can't dont").words.map((w) => w.lower)).toEqual(['does', 'not', 'it', 'is', 'can', 'not', 'do', 'not']);
  });
  it('negation scope runs to the end of the clause', () => {
    expect(negated("It's not from Tekushev, it's from officials")).toEqual(['from', 'tekushev']);
    expect(negated('There is no evidence and more than 200 means at least 200')).toEqual(['evidence']);
    expect(negated("It is not exact it's an estimate")).toEqual(['exact']);
    expect(negated('Nobody else confirms it')).toEqual(['else', 'confirms']);
  });
  it('neg-raising verbs keep the scope open', () => {
    expect(negated("I don't think it's exact")).toContain('exact');
  });
  it('"not only" is not a negation', () => {
    expect(negated('not only Kazakhstan')).toEqual([]);
  });
  it('marks words wink does not know', () => {
    const a = analyze('Tekushev is biased');
    expect(a.words.map((w) => w.oov)).toEqual([true, false, false]);
  });
});
