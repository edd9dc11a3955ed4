import { describe, expect, it } from 'vitest';
import { toPublicExercise } from './public';
import { exercise } from '../../test/content';

describe('toPublicExercise', () => {
  const pub = toPublicExercise(exercise);
  const json = JSON.stringify(pub);
  it('keeps what the student needs', () => {
    expect(pub.totalPoints).toBe(40);
    expect(pub.sections.flatMap((s) => s.questions)).toHaveLength(17);
    expect(json).toContain('Whose study is the main source');
  });
  it('drops every part of the answer key', () => {
    expect(json).not.toMatch(/"correct"|"answer"|"key"|"expected"|"feedback"|"met"|"missing"|"notes"/);
    expect(json).not.toContain('Paragraph 6 adds this judgment'); // classify item feedback
    expect(json).not.toContain('"quote"');
  });
});
