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
  it('validates every field of stored results, as the zod schema it replaces did', () => {
    const full = {
      ...result('a', 1, 2),
      criteria: [{ id: 'c', label: 'L', score: 1, maxScore: 1, feedback: 'f', evidence: [{ start: 0, end: 3 }] }],
      parts: [{ id: 'p', correct: true }, { id: 'q', correct: false, feedback: 'no' }],
      hint: 'Look at paragraph 1.',
    };
    const ok: Progress = { v: 1, answers: { a: { text: 'x' } }, results: { a: { result: full, answerKey: '{"text":"x"}' } }, updatedAt: '2025-01-01T00:00:00Z' };
    expect(parseProgress(JSON.stringify(ok))).toEqual(ok);
    // Unknown fields are dropped, at every level.
    const extra = { ...ok, junk: 1, results: { a: { result: { ...full, secret: 'x', parts: [{ id: 'p', correct: true, more: 1 }] }, answerKey: '{"text":"x"}', x: 2 } } };
    const parsed = parseProgress(JSON.stringify(extra));
    expect(parsed).not.toHaveProperty('junk');
    expect(parsed.results.a).toEqual({ result: { ...full, parts: [{ id: 'p', correct: true }] }, answerKey: '{"text":"x"}' });
    // Any wrong type anywhere: the whole entry is dropped, never half-used.
    const broken: unknown[] = [
      { ...ok, v: '1' },
      { ...ok, answers: [] },
      { ...ok, results: { a: { result: { ...full, score: '1' }, answerKey: 'k' } } },
      { ...ok, results: { a: { result: { ...full, needsReview: 'no' }, answerKey: 'k' } } },
      { ...ok, results: { a: { result: { ...full, criteria: [{ id: 'c' }] }, answerKey: 'k' } } },
      { ...ok, results: { a: { result: { ...full, parts: [{ id: 'p', correct: 1 }] }, answerKey: 'k' } } },
      { ...ok, results: { a: { result: { ...full, feedback: 'one string' }, answerKey: 'k' } } },
      { ...ok, results: { a: { result: { ...full, hint: 3 }, answerKey: 'k' } } },
      { ...ok, results: { a: { result: full } } },
      { ...ok, results: { a: null } },
      { ...ok, updatedAt: 5 },
      [],
      'progress',
    ];
    for (const b of broken) expect(parseProgress(JSON.stringify(b))).toEqual(emptyProgress());
  });
  it('drops a "__proto__" key without touching prototypes', () => {
    const raw = '{"v":1,"answers":{"__proto__":{"text":"x"},"a":{"text":"y"}},"results":{}}';
    const p = parseProgress(raw);
    expect(Object.keys(p.answers)).toEqual(['a']);
    expect(Object.getPrototypeOf(p.answers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).text).toBeUndefined();
  });
});
