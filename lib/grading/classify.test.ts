import { describe, expect, it } from 'vitest';
import { gradeAnswer } from './grade';
import { ctx, question } from '../../test/content';

const whoSays = question('who-says', 'classify');
const figures = question('figure-types', 'classify');

const WHO_KEY = { attacks: 'tekushev', 'radicals-200': 'officials', understates: 'none', 'cell-size': 'radical-website', 'first-radicals': 'tekushev', 'no-figures': 'tekushev' };
const FIG_KEY = { 'seven-actions': 'exact', 'dozens-killed': 'estimate', 'ninety-percent': 'estimate', 'more-than-200': 'limit', 'fewer-than-five': 'limit', 'financial-assistance': 'no-figure' };

describe('classify: who-says', () => {
  it('gives 6 for the key and 1 per right item', () => {
    expect(gradeAnswer(whoSays, { assignments: WHO_KEY }, ctx).score).toBe(6);
    expect(gradeAnswer(whoSays, { assignments: { ...WHO_KEY, understates: 'officials' } }, ctx).score).toBe(5);
    expect(gradeAnswer(whoSays, { assignments: { ...WHO_KEY, 'no-figures': 'none', 'cell-size': 'tekushev' } }, ctx).score).toBe(4);
  });
  it('scores unassigned items 0 and says so', () => {
    const r = gradeAnswer(whoSays, { assignments: { attacks: 'tekushev' } }, ctx);
    expect(r.score).toBe(1);
    expect(r.feedback.join(' ')).toMatch(/5 items are not sorted yet/);
  });
  it('notes the Tekushuv misspelling and the indirect-source question', () => {
    const text = gradeAnswer(whoSays, { assignments: WHO_KEY }, ctx).feedback.join(' ');
    expect(text).toMatch(/Tekushuv/);
    expect(text).toMatch(/directly, or through Tekushev/);
  });
  it('does not reveal the right category for a wrong item', () => {
    const r = gradeAnswer(whoSays, { assignments: { ...WHO_KEY, understates: 'officials' } }, ctx);
    const part = r.parts?.find((p) => p.id === 'understates');
    expect(part?.correct).toBe(false);
    expect(part?.feedback).toMatch(/paragraph 6/);
    expect(part?.feedback).not.toMatch(/without saying who/);
  });
  it('ignores unknown categories and items', () => {
    expect(gradeAnswer(whoSays, { assignments: { attacks: 'martians', bogus: 'none' } }, ctx).score).toBe(0);
  });
});

describe('classify: figure-types', () => {
  it('accepts estimate or limit for "approaching 90 percent"', () => {
    expect(gradeAnswer(figures, { assignments: FIG_KEY }, ctx).score).toBe(6);
    expect(gradeAnswer(figures, { assignments: { ...FIG_KEY, 'ninety-percent': 'limit' } }, ctx).score).toBe(6);
    expect(gradeAnswer(figures, { assignments: { ...FIG_KEY, 'ninety-percent': 'exact' } }, ctx).score).toBe(5);
  });
  it('reminds that a precise-looking number is not verified', () => {
    expect(gradeAnswer(figures, { assignments: FIG_KEY }, ctx).feedback.join(' ')).toMatch(/not thereby checked/);
  });
  it('rejects malformed answers with a message', () => {
    for (const bad of [{ assignments: [] }, { assignments: 'x' }, { items: {} }, { assignments: {} }]) {
      const r = gradeAnswer(figures, bad, ctx);
      expect(r.score).toBe(0);
      expect(r.feedback[0]).toBeTruthy();
    }
  });
});
