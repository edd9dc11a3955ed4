/**
 * The wink-nlp instance the grader uses. The English "lite" model ships
 * inside its npm package, so nothing is downloaded at run time. Created lazily
 * on first use (about 70 ms) and shared afterwards: building it per answer
 * would cost far more than grading.
 *
 * Bounded memory: wink adds every word it does not know (names, typos, other
 * languages) to the instance's lexicon and never forgets it, about 250 bytes a
 * word, so a long-running server would grow without end. The instance is
 * therefore replaced after RECYCLE_AFTER documents; a new instance starts from
 * the model's own lexicon again (the model object is not changed by reading),
 * and nothing the grader keeps refers to wink's ids except `oovFrom`, which is
 * the same for every instance. Amortised cost: ~70 ms per 20,000 answers.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;

interface NlpHandle {
  nlp: Nlp;
  its: Nlp['its'];
  /** Lexeme ids at or above this are out-of-vocabulary (not English words the model knows). */
  oovFrom: number;
}

/** Documents read by one instance before it is replaced (bounds wink's growing lexicon). */
export const RECYCLE_AFTER = 20000;

let handle: NlpHandle | undefined;
let uses = 0;
let generation = 0;

function create(): NlpHandle {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  // wink numbers unknown words after the model's own lexicon; the first
  // unknown word seen therefore tells us where the lexicon ends.
  const probe = nlp.readDoc('qzxqvjkqzx').tokens().out(its.uniqueId) as unknown as number[];
  generation++;
  return { nlp, its, oovFrom: probe[0] ?? Number.MAX_SAFE_INTEGER };
}

/**
 * The shared wink-nlp instance (sentence boundaries + POS, so lemmas are
 * context-aware). Call once per document read: every RECYCLE_AFTER calls the
 * instance is replaced by a fresh one.
 */
export function getNlp(): NlpHandle {
  if (!handle || uses >= RECYCLE_AFTER) {
    handle = create();
    uses = 0;
  }
  uses++;
  return handle;
}

/** How many instances have been created so far (for tests and diagnostics). */
export function nlpGeneration(): number {
  return generation;
}
