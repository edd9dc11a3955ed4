import { describe, expect, it } from 'vitest';
import { effectiveGrade, formatScore, reviewReasonText, rosterName, scoreText, type AutoScore } from './scoring';

const text: AutoScore = {
  score: 1,
  maxScore: 3,
  needsReview: true,
  reviewReasons: ['keyword-list'],
  criteria: [
    { id: 'a', label: 'Names the source', score: 1, maxScore: 1 },
    { id: 'b', label: 'Reason', score: 0, maxScore: 2 },
  ],
};
const choice: AutoScore = { score: 0, maxScore: 1, needsReview: false };

describe('effectiveGrade', () => {
  it('uses the automatic score when the teacher changed nothing', () => {
    const g = effectiveGrade(text, null);
    expect(g).toMatchObject({ score: 1, maxScore: 3, autoScore: 1, source: 'auto', adjusted: false, reviewed: false, needsReview: true });
    expect(g.criteria.map((c) => [c.id, c.auto, c.teacher, c.effective])).toEqual([
      ['a', 1, undefined, 1],
      ['b', 0, undefined, 0],
    ]);
  });
  it('a saved review without changes keeps the automatic score but clears needsReview', () => {
    const g = effectiveGrade(text, {});
    expect(g).toMatchObject({ score: 1, source: 'auto', adjusted: false, reviewed: true, needsReview: false });
  });
  it('sums criteria: the teacher value where set, the automatic one elsewhere', () => {
    const g = effectiveGrade(text, { criteria: { b: 2 } });
    expect(g).toMatchObject({ score: 3, autoScore: 1, source: 'teacher-criteria', adjusted: true });
    expect(g.criteria[1]).toMatchObject({ auto: 0, teacher: 2, effective: 2 });
    expect(effectiveGrade(text, { criteria: { a: 0 } }).score).toBe(0);
  });
  it('a teacher total wins over criteria and the automatic score', () => {
    expect(effectiveGrade(text, { criteria: { b: 2 }, total: 2 })).toMatchObject({ score: 2, source: 'teacher-total' });
    expect(effectiveGrade(choice, { total: 1 })).toMatchObject({ score: 1, autoScore: 0, adjusted: true });
    expect(effectiveGrade(choice, { total: 0 })).toMatchObject({ score: 0, source: 'teacher-total', adjusted: true });
  });
  it('ignores criteria for unknown ids and clamps values to the allowed range', () => {
    expect(effectiveGrade(text, { criteria: { nope: 5 } })).toMatchObject({ score: 1, adjusted: false });
    expect(effectiveGrade(text, { criteria: { b: 9 } }).criteria[1]!.effective).toBe(2);
    expect(effectiveGrade(text, { total: 99 }).score).toBe(3);
    expect(effectiveGrade(text, { total: -4 }).score).toBe(0);
  });
  it('works without an automatic grade (uses the question points as max)', () => {
    expect(effectiveGrade(null, null, { maxScore: 2 })).toMatchObject({ score: 0, maxScore: 2, autoScore: null, source: 'none' });
    expect(effectiveGrade(null, { total: 2 }, { maxScore: 2 })).toMatchObject({ score: 2, source: 'teacher-total' });
  });
  it('a stale review (answer changed after it) counts as not reviewed', () => {
    expect(effectiveGrade(text, { total: 3 }, { reviewed: false })).toMatchObject({ score: 3, needsReview: true, reviewed: false });
  });
  it('keeps a non-empty comment', () => {
    expect(effectiveGrade(choice, { comment: 'Look at paragraph 1.' }).comment).toBe('Look at paragraph 1.');
    expect(effectiveGrade(choice, { comment: '   ' }).comment).toBeUndefined();
  });
});

describe('display helpers', () => {
  it('shows both scores when the teacher changed one', () => {
    expect(scoreText(effectiveGrade(text, null))).toBe('1/3');
    expect(scoreText(effectiveGrade(text, { total: 2 }))).toBe('auto 1/3 → teacher 2/3');
    expect(scoreText(effectiveGrade(null, { total: 1 }, { maxScore: 2 }))).toBe('auto –/2 → teacher 1/2');
    expect(formatScore(1.256)).toBe('1.26');
  });
  it('numbers duplicate names and explains review reasons', () => {
    expect(rosterName('Sam', 1)).toBe('Sam');
    expect(rosterName('Sam', 2)).toBe('Sam (2)');
    expect(reviewReasonText('keyword-list')).toBe('looks like a list of keywords');
    expect(reviewReasonText('contradiction')).toBe('contradicts itself');
    expect(reviewReasonText('not-english')).toBe('not in English');
    expect(reviewReasonText('misquote')).toBe('quotes words that are not in the article');
    expect(reviewReasonText('unmatched-substantive')).toBe('substantial answer that matched nothing');
    expect(reviewReasonText('something-new')).toBe('something new');
  });
});
