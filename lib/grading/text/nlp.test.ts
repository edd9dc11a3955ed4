import { describe, expect, it } from 'vitest';
import { RECYCLE_AFTER, getNlp, nlpGeneration } from './nlp';
import { analyze } from './normalize';

describe('wink-nlp instance', () => {
  it('is replaced after RECYCLE_AFTER documents, with the same results', () => {
    const text = "Tekashev's study can't be verified; it's unverifiable.";
    const before = analyze(text);
    const gen = nlpGeneration();
    for (let i = 0; i < RECYCLE_AFTER; i++) getNlp();
    const after = analyze(text);
    expect(nlpGeneration()).toBeGreaterThan(gen);
    expect(after.words.map((w) => [w.lower, w.lemma, w.stem, w.oov, w.negatedBy])).toEqual(
      before.words.map((w) => [w.lower, w.lemma, w.stem, w.oov, w.negatedBy]),
    );
  });
});
