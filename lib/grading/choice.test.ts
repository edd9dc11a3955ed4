import { describe, expect, it } from 'vitest';
import { gradeAnswer } from './grade';
import { ctx, question } from '../../test/content';

const main = question('main-source', 'choice');
const other = question('other-sources', 'choice');
const argues = question('argues-vs-reports', 'choice');

describe('choice: main-source (single)', () => {
  it('gives the point for Tekushev only', () => {
    expect(gradeAnswer(main, { choice: ['tekushev'] }, ctx).score).toBe(1);
    for (const id of ['officials', 'kavkaz', 'buryatsky', 'reporters']) expect(gradeAnswer(main, { choice: [id] }, ctx).score).toBe(0);
  });
  it('explains a wrong choice and points to the paragraph', () => {
    const r = gradeAnswer(main, { choice: ['kavkaz'] }, ctx);
    expect(r.feedback.join(' ')).toMatch(/photo/);
    expect(r.hint).toBe('Look at paragraph 1.');
  });
  it('rejects two answers to a single-choice question', () => {
    const r = gradeAnswer(main, { choice: ['tekushev', 'officials'] }, ctx);
    expect(r.score).toBe(0);
    expect(r.feedback[0]).toMatch(/only one/);
  });
});

describe('choice: other-sources (multiple, +1/-1, floor 0)', () => {
  const g = (...choice: string[]) => gradeAnswer(other, { choice }, ctx).score;
  it('scores +1 per right option and -1 per wrong one', () => {
    expect(g('officials', 'radical-website', 'kavkaz')).toBe(3);
    expect(g('officials', 'radical-website')).toBe(2);
    expect(g('officials', 'radical-website', 'kavkaz', 'un')).toBe(2);
    expect(g('officials', 'kazakh-media')).toBe(0);
    expect(g('un', 'interviews', 'kazakh-media')).toBe(0);
  });
  it('explains why Kazakhstani media is not a source', () => {
    const r = gradeAnswer(other, { choice: ['kazakh-media'] }, ctx);
    expect(r.parts?.[0]).toMatchObject({ id: 'kazakh-media', correct: false });
    expect(r.parts?.[0]?.feedback).toMatch(/subject/);
  });
  it('counts duplicates once', () => {
    expect(g('officials', 'officials', 'officials')).toBe(1);
  });
});

describe('choice: argues-vs-reports', () => {
  it('credits "interpretation" and adds the note that "reports" only attributes too', () => {
    const r = gradeAnswer(argues, { choice: ['interpretation'] }, ctx);
    expect(r.score).toBe(1);
    expect(r.feedback.join(' ')).toMatch(/"Reports" is also only attribution/);
    expect(gradeAnswer(argues, { choice: ['proven'] }, ctx).score).toBe(0);
  });
});

describe('choice: bad input', () => {
  it('never throws on malformed answers', () => {
    for (const bad of [null, undefined, {}, { choice: 'tekushev' }, { choice: [1] }, [], 'x', { choice: ['nope'] }, { choice: [] }]) {
      const r = gradeAnswer(main, bad, ctx);
      expect(r.score).toBe(0);
      expect(r.feedback.length).toBeGreaterThan(0);
    }
  });
});
