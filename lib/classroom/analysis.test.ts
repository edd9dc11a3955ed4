import { describe, expect, it } from 'vitest';
import { analyzeResponses, createItemAnalysis, isAnswered, type AnalysisResponse } from './analysis';
import type { PublicQuestion } from '../content/public';

const choiceQ: PublicQuestion = {
  id: 'main-source',
  kind: 'choice',
  points: 1,
  prompt: 'Whose study?',
  paragraphs: [1],
  multiple: false,
  options: [
    { id: 'tekushev', text: 'Islam Tekushev' },
    { id: 'officials', text: 'Officials' },
    { id: 'kavkaz', text: 'Kavkaz Center' },
  ],
};
const classifyQ: PublicQuestion = {
  id: 'who-says',
  kind: 'classify',
  points: 2,
  prompt: 'Who says so?',
  paragraphs: [],
  categories: [
    { id: 'tekushev', label: 'Tekushev' },
    { id: 'officials', label: 'Officials' },
    { id: 'none', label: 'Nobody' },
  ],
  items: [
    { id: 'attacks', text: 'Seven attacks' },
    { id: 'radicals', text: 'More than 200 radicals' },
  ],
};
const textQ: PublicQuestion = {
  id: 'single-source',
  kind: 'text',
  points: 2,
  prompt: 'Who is the source?',
  paragraphs: [],
  maxLength: 2000,
  criteria: [
    { id: 'names-source', label: 'Names the source', points: 1 },
    { id: 'reason', label: 'Explains why', points: 1 },
  ],
};

const choice = (id: string, correct: boolean): AnalysisResponse => ({
  questionId: 'main-source',
  answer: { choice: [id] },
  auto: { score: correct ? 1 : 0, maxScore: 1, needsReview: false, parts: [{ id, correct }] },
  teacher: null,
});
const text = (names: number, reason: number, teacher: AnalysisResponse['teacher'] = null): AnalysisResponse => ({
  questionId: 'single-source',
  answer: { text: 'an answer' },
  auto: {
    score: names + reason,
    maxScore: 2,
    needsReview: false,
    criteria: [
      { id: 'names-source', score: names, maxScore: 1 },
      { id: 'reason', score: reason, maxScore: 1 },
    ],
  },
  teacher,
});

describe('item analysis', () => {
  it('counts answered, averages effective scores and builds a full distribution', () => {
    const [c] = analyzeResponses([choiceQ], [
      choice('tekushev', true),
      choice('officials', false),
      choice('officials', false),
      choice('kavkaz', false),
      // An empty answer is not "answered".
      { questionId: 'main-source', answer: { choice: [] }, auto: { score: 0, maxScore: 1, needsReview: false }, teacher: null },
    ]);
    expect(c).toMatchObject({ questionId: 'main-source', number: 1, answered: 4, average: 0.25, averagePercent: 25 });
    expect(c!.distribution).toEqual([
      { score: 0, count: 3 },
      { score: 1, count: 1 },
    ]);
    expect(c!.wrongChoices).toEqual([
      { id: 'officials', text: 'Officials', count: 2 },
      { id: 'kavkaz', text: 'Kavkaz Center', count: 1 },
    ]);
  });

  it('uses the teacher’s override in averages and distributions', () => {
    const [c] = analyzeResponses([choiceQ], [{ ...choice('officials', false), teacher: { total: 1 } }]);
    expect(c).toMatchObject({ average: 1, averagePercent: 100 });
    expect(c!.distribution).toEqual([
      { score: 0, count: 0 },
      { score: 1, count: 1 },
    ]);
  });

  it('lists the most common wrong categories per classify item, ignoring unsorted items', () => {
    const r = (assignments: Record<string, string>, parts: [string, boolean][]): AnalysisResponse => ({
      questionId: 'who-says',
      answer: { assignments },
      auto: { score: parts.filter((p) => p[1]).length, maxScore: 2, needsReview: false, parts: parts.map(([id, correct]) => ({ id, correct })) },
      teacher: null,
    });
    const [c] = analyzeResponses([classifyQ], [
      r({ attacks: 'officials', radicals: 'officials' }, [['attacks', false], ['radicals', true]]),
      r({ attacks: 'officials' }, [['attacks', false], ['radicals', false]]),
      r({ attacks: 'none', radicals: 'tekushev' }, [['attacks', false], ['radicals', false]]),
    ]);
    expect(c!.answered).toBe(3);
    expect(c!.wrongCategories).toEqual([
      { itemId: 'attacks', itemText: 'Seven attacks', wrongCount: 3, wrong: [{ categoryId: 'officials', label: 'Officials', count: 2 }, { categoryId: 'none', label: 'Nobody', count: 1 }] },
      { itemId: 'radicals', itemText: 'More than 200 radicals', wrongCount: 1, wrong: [{ categoryId: 'tekushev', label: 'Tekushev', count: 1 }] },
    ]);
  });

  it('ranks the criteria most often missed, counting the teacher’s criterion scores', () => {
    const [t] = analyzeResponses([textQ], [text(1, 0), text(0, 0), text(1, 1), text(1, 0, { criteria: { reason: 1 } })]);
    expect(t!.average).toBe(1.25);
    expect(t!.missedCriteria).toEqual([
      { id: 'reason', label: 'Explains why', missed: 2, percent: 50 },
      { id: 'names-source', label: 'Names the source', missed: 1, percent: 25 },
    ]);
  });

  it('reports every question, also when nobody answered, and ignores unknown questions', () => {
    const a = createItemAnalysis([choiceQ, textQ]);
    a.add({ questionId: 'gone', answer: { text: 'x' }, auto: null, teacher: null });
    const out = a.results();
    expect(out.map((q) => [q.number, q.questionId, q.answered, q.average, q.averagePercent])).toEqual([
      [1, 'main-source', 0, null, null],
      [2, 'single-source', 0, null, null],
    ]);
    expect(out[1]!.missedCriteria!.every((c) => c.missed === 0 && c.percent === 0)).toBe(true);
  });

  it('knows what an empty answer is for each kind', () => {
    expect(isAnswered('choice', { choice: ['a'] })).toBe(true);
    expect(isAnswered('choice', {})).toBe(false);
    expect(isAnswered('classify', { assignments: { a: '' } })).toBe(false);
    expect(isAnswered('classify', { assignments: { a: 'b' } })).toBe(true);
    expect(isAnswered('highlight', { quote: '  ' })).toBe(false);
    expect(isAnswered('text', { text: ' x ' })).toBe(true);
    expect(isAnswered('short', null)).toBe(false);
    expect(isAnswered('text', ['x'])).toBe(false);
  });
});
