import { describe, expect, it } from 'vitest';
import { gradeAnswer } from './grade';
import { extractNumbers } from './short';
import { ctx, question } from '../../test/content';

const q = question('attack-count', 'short');
const g = (text: string) => gradeAnswer(q, { text }, ctx);

describe('short: attack-count', () => {
  it.each(['7', 'seven', '7 attacks', 'Seven major terrorist actions', ' SEVEN. ', '7.'])('accepts %j', (t) => {
    expect(g(t).score).toBe(1);
  });
  it('accepts "about 7" with a note that the article states it exactly', () => {
    const r = g('about 7');
    expect(r.score).toBe(1);
    expect(r.feedback[0]).toMatch(/exact number/);
  });
  it.each(['dozens', '200', '17', 'seventeen', 'seventy', '2', 'more than 200', 'many'])('rejects %j', (t) => {
    expect(g(t).score).toBe(0);
  });
  it('rejects two different numbers', () => {
    expect(g('7 or 8').score).toBe(0);
  });
  it('explains empty and non-numeric answers', () => {
    expect(g('   ').feedback[0]).toMatch(/Type your answer/);
    expect(g('lots of them').feedback[0]).toMatch(/Answer with a number/);
  });
  it('reads numbers as digits and words', () => {
    expect(extractNumbers('twenty one and 3 and ninety')).toEqual([21, 3, 90]);
  });
});
