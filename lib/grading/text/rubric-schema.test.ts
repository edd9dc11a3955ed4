import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { textRubricFileSchema } from './rubric-schema';
import { loadContent } from './load-content';

const dir = path.join(process.cwd(), 'content/eurasia-daily-monitor-kazakhstan');

describe('rubric file', () => {
  it('the shipped rubric is valid and matches the exercise ids', () => {
    const raw = parse(fs.readFileSync(path.join(dir, 'rubric.yaml'), 'utf8'));
    const file = textRubricFileSchema.parse(raw);
    expect(file.exercise).toBe('kazakhstan-jihadist-movement');
    const { questions } = loadContent(process.cwd());
    expect(Object.keys(file.questions).sort()).toEqual([...questions.keys()].sort());
    for (const [qid, q] of questions) {
      expect(Object.keys(file.questions[qid]?.criteria ?? {}).sort()).toEqual(q.criteria.map((c) => c.id).sort());
    }
  });
  it('rejects an unknown concept and a criterion without a rule', () => {
    const bad = {
      exercise: 'x',
      questions: { q: { concepts: { a: ['word'] }, criteria: { c: { any: ['b'] }, d: {} } } },
    };
    const r = textRubricFileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/unknown concept \\"b\\"/);
    expect(JSON.stringify(r.error?.issues)).toMatch(/exactly one of/);
  });
  it('merges the shared concepts into each question', () => {
    const file = textRubricFileSchema.parse({
      exercise: 'x',
      concepts: { shared: ['a'] },
      questions: { q: { concepts: { own: ['b'] }, criteria: { c: { any: ['shared', 'not own'] } } } },
    });
    expect(Object.keys(file.questions.q?.concepts ?? {}).sort()).toEqual(['own', 'shared']);
  });
});
