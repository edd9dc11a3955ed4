import { describe, expect, it } from 'vitest';
import { buildArticleText } from '../../content/article-text';
import { checkQuotes, findQuotes } from './quotes';

const article = buildArticleText([
  'Seven major terrorist actions occurred in Kazakhstan over the last two years, with dozens killed, Tekushev reports.',
  'Not surprisingly, Tekushuv reports, “there are no exact figures on the extent of financial assistance to the Kazakhstani underground.”',
  'Islamist cells are seeking to keep their cells small—with fewer than five members each—and then network.',
]);

describe('quotes', () => {
  it('finds "...", “...” and \'...\' of 3+ words, not apostrophes', () => {
    const q = findQuotes(`He said "one two three" and “four five six” and 'seven eight nine', it's Tekushev's 'x'.`);
    expect(q.map((x) => x.text)).toEqual(['one two three', 'four five six', 'seven eight nine']);
    expect(findQuotes('"In short" is two words')).toEqual([]);
  });
  it('accepts the article\'s words despite case, quotes, dashes and spacing', () => {
    const r = checkQuotes('It says "Cells small - with fewer than five members" and "THERE ARE NO EXACT FIGURES"', article);
    expect(r.map((x) => x.found)).toEqual([true, true]);
  });
  it('flags words not in the article and gives the near miss', () => {
    const [r] = checkQuotes('It says "there are no exact numbers on the extent of financial help"', article);
    expect(r?.found).toBe(false);
    expect(r?.articleWords).toBe('there are no exact figures on the extent of financial assistance');
    const [far] = checkQuotes('"according to a trusted news website"', article);
    expect(far?.found).toBe(false);
    expect(far?.articleWords).toBeUndefined();
  });
  it('accepts words quoted from the prompt', () => {
    expect(checkQuotes('"a unified movement"', article, ['shifted into "a unified movement."'])[0]?.found).toBe(true);
  });
});
