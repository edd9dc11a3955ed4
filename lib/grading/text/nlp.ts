/**
 * The one wink-nlp instance the grader uses. The English "lite" model ships
 * inside its npm package, so nothing is downloaded at run time. Created lazily
 * on first use (about 100 ms) and shared afterwards: building it per answer
 * would cost far more than grading.
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

let handle: NlpHandle | undefined;

/** The shared wink-nlp instance (sentence boundaries + POS, so lemmas are context-aware). */
export function getNlp(): NlpHandle {
  if (handle) return handle;
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  // wink numbers unknown words after the model's own lexicon; the first
  // unknown word seen therefore tells us where the lexicon ends.
  const probe = nlp.readDoc('qzxqvjkqzx').tokens().out(its.uniqueId) as unknown as number[];
  handle = { nlp, its, oovFrom: probe[0] ?? Number.MAX_SAFE_INTEGER };
  return handle;
}
