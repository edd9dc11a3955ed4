import { describe, expect, it } from 'vitest';
import { glossaryId, markGlossary } from './glossary';

const g = (term: string, ...forms: string[]) => ({ term, forms: forms.length ? forms : [term], definition: 'd' });

describe('markGlossary', () => {
  it('marks the first whole-word occurrence of each term, in any case, keeping the text intact', () => {
    const paras = ['The Islamists met.', 'Islamist groups and jamaats; islamist again.'];
    const out = markGlossary(paras, [g('Islamist', 'Islamist', 'Islamists'), g('jamaat', 'jamaats', 'jamaat')]);
    expect(out.map((segs) => segs.map((s) => s.text).join(''))).toEqual(paras);
    expect(out[0]?.filter((s) => s.term)).toEqual([{ text: 'Islamists', term: 'Islamist' }]);
    expect(out[1]?.filter((s) => s.term)).toEqual([{ text: 'jamaats', term: 'jamaat' }]);
  });
  it('does not match inside longer words or hyphenated compounds', () => {
    const out = markGlossary(['non-emir emirate emir'], [g('emir')]);
    const marked = out[0]?.find((s) => s.term);
    expect(marked?.text).toBe('emir');
    expect(out[0]?.map((s) => s.text).join('')).toBe('non-emir emirate emir');
  });
  it('makes stable ids', () => {
    expect(glossaryId('Caucasus Emirate')).toBe('gloss-caucasus-emirate');
  });
});
