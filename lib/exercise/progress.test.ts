import { describe, expect, it } from 'vitest';
import { answerKey, emptyProgress, hasAnswer, isCurrent, parseProgress, summarize, type Progress } from './progress';

const result = (questionId: string, score: number, maxScore: number) => ({
  questionId, score, maxScore, needsReview: false, reviewReasons: [], feedback: [],
});

describe('progress', () => {
  it('drops corrupt or foreign storage instead of crashing', () => {
    expect(parseProgress('{not json')).toEqual(emptyProgress());
    expect(parseProgress(JSON.stringify({ v: 99 }))).toEqual(emptyProgress());
    expect(parseProgress(null)).toEqual(emptyProgress());
  });
  it('round-trips valid progress', () => {
    const p: Progress = { v: 1, answers: { a: { text: 'x' } }, results: { a: { result: result('a', 1, 2), answerKey: answerKey({ text: 'x' }) } } };
    expect(parseProgress(JSON.stringify(p))).toEqual(p);
  });
  it('marks a result out of date when the answer changed', () => {
    const p: Progress = { v: 1, answers: { a: { text: 'y' } }, results: { a: { result: result('a', 1, 2), answerKey: answerKey({ text: 'x' }) } } };
    expect(isCurrent(p, 'a')).toBe(false);
    p.answers.a = { text: 'x' };
    expect(isCurrent(p, 'a')).toBe(true);
  });
  it('knows empty answers', () => {
    expect(hasAnswer({ text: '  ' })).toBe(false);
    expect(hasAnswer({ choice: [] })).toBe(false);
    expect(hasAnswer({ assignments: { x: '' } })).toBe(false);
    expect(hasAnswer({ assignments: { x: 'y' } })).toBe(true);
    expect(hasAnswer({ quote: 'Tekushev' })).toBe(true);
  });
  it('summarises per section and overall, counting only current results', () => {
    const sections = [
      { id: 's1', title: 'One', questions: [{ id: 'a', points: 2 }, { id: 'b', points: 1 }] },
      { id: 's2', title: 'Two', questions: [{ id: 'c', points: 3 }] },
    ];
    const p: Progress = {
      v: 1,
      answers: { a: { text: 'x' }, b: { text: 'y' }, c: { text: 'z' } },
      results: {
        a: { result: result('a', 1, 2), answerKey: answerKey({ text: 'x' }) },
        b: { result: result('b', 1, 1), answerKey: answerKey({ text: 'y' }) },
        c: { result: result('c', 3, 3), answerKey: answerKey({ text: 'old' }) },
      },
    };
    const s = summarize(sections, p);
    expect(s.sections.map((x) => [x.score, x.maxScore, x.checked])).toEqual([[2, 3, 2], [0, 3, 0]]);
    expect(s.complete).toBe(false);
    p.answers.c = { text: 'old' };
    const t = summarize(sections, p);
    expect([t.score, t.maxScore, t.complete]).toEqual([5, 6, true]);
  });
});
