/**
 * Turns an answer into the token stream the matcher works on: character
 * offsets (for the teacher's highlights), lower-case form, lemma and stem (so
 * "confirmed", "confirms" and "confirmation" meet "confirm"), sentence and
 * clause numbers, whether wink knows the word (unknown words may be
 * misspellings), and negation scope ("it's NOT from Tekushev" must not earn
 * the Tekushev point).
 */
import { getNlp } from './nlp';

export interface Token {
  /** Offsets into the graded text (end exclusive). */
  start: number;
  end: number;
  lower: string;
  lemma: string;
  stem: string;
  /** Not in the model's English lexicon: a name, a typo or another language. */
  oov: boolean;
  sentence: number;
  clause: number;
  /** This word opens a negation scope ("not", "n't", "no", "never", "without", ...). */
  negator: boolean;
  /** Index (into `words`) of the negator whose scope covers this word, or -1. */
  negatedBy: number;
}

export interface Analysis {
  text: string;
  /** Word tokens only (punctuation, spaces, emoji and possessive "'s" dropped). */
  words: Token[];
  /** Character span of each sentence, for question splitting and evidence. */
  sentences: { start: number; end: number }[];
}

const NEGATORS = new Set([
  'not', 'no', 'never', 'without', 'nobody', 'none', 'nothing', 'neither', 'nor',
  'hardly', 'barely', 'noone', 'nowhere', 'lack', 'lacks', 'lacking', 'lacked',
  'unable', 'cannot', 'cant', 'dont', 'doesnt', 'isnt', 'wasnt', 'arent', 'werent',
  'didnt', 'wont', 'wouldnt', 'couldnt', 'shouldnt', 'hasnt', 'havent', 'hadnt', 'aint',
]);

/** Words that close a negation scope: a new clause starts. */
const SCOPE_END_WORDS = new Set([
  'but', 'however', 'although', 'though', 'yet', 'instead', 'whereas', 'while', 'because',
  'since', 'so', 'and', 'that', 'which', 'who', 'if', 'whether', 'when', 'unless', 'rather',
  'as', 'cause', 'cuz', 'plus', 'also', 'where', 'why', 'how', 'what', 'then', 'therefore',
]);
/** A new subject also closes the scope: "it's not exact it's an estimate". */
const SUBJECT_PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'you', 'this', 'there']);
/** "I don't think it's exact" negates "exact" (neg-raising verbs keep the scope open). */
const NEG_RAISING = new Set(['think', 'believe', 'suppose', 'feel', 'reckon', 'expect', 'guess', 'mean']);
const MAX_SCOPE = 8;
const SLANG = new Set(['nope', 'nah', 'yep', 'yeah', 'yup']);

/** Quote marks and apostrophes do not break a clause ("never says 'Tekushev says'"). */
const QUOTE_CHARS = /^["'“”‘’`«»]+$/;

/** Longest run of non-space characters read as one token; longer runs are split (see prepare). */
export const MAX_TOKEN_LENGTH = 48;

/**
 * Length-preserving clean-up before tokenising, so offsets still point into
 * the student's own text: lower case, curly apostrophes straightened, hyphens
 * inside words opened ("cross-check" = "cross check", "medium-orient").
 */
export function prepare(text: string): string {
  let out = '';
  let run = 0; // length of the current run of non-space characters
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    run = /\s/.test(ch) ? 0 : run + 1;
    // No word is this long: a wall of letters or emoji is cut into pieces, or the
    // stemmer (quadratic in word length) would spend ~50 ms on one 2,000-letter "word".
    if (run > MAX_TOKEN_LENGTH) {
      out += ' ';
      run = 0;
      continue;
    }
    if (ch === '’' || ch === '‘' || ch === 'ʼ') {
      out += "'";
      continue;
    }
    if ((ch === '-' || ch === '‐' || ch === '‑') && i > 0 && i < text.length - 1) {
      const prev = text[i - 1] as string;
      const next = text[i + 1] as string;
      if (/\p{L}/u.test(prev) && /\p{L}/u.test(next)) {
        out += ' ';
        continue;
      }
    }
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

interface RawToken {
  value: string;
  norm: string;
  lemma: string;
  stem: string;
  type: string;
  id: number;
  start: number;
  end: number;
}

/** Tokenise and annotate an answer (already cut to the graded length). */
export function analyze(text: string): Analysis {
  const { nlp, its, oovFrom } = getNlp();
  const prepared = prepare(text);
  const doc = nlp.readDoc(prepared);
  const toks = doc.tokens();
  const values = toks.out(its.value) as string[];
  const spaces = toks.out(its.precedingSpaces) as string[];
  const norms = toks.out(its.normal) as string[];
  const lemmas = toks.out(its.lemma as unknown as typeof its.value) as string[];
  const stems = toks.out(its.stem as unknown as typeof its.value) as string[];
  const types = toks.out(its.type) as string[];
  const ids = toks.out(its.uniqueId) as unknown as number[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  // Character offsets: wink is lossless (spaces + value rebuild the text); fall back to search.
  const raw: RawToken[] = [];
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    pos += (spaces[i] ?? '').length;
    let start = pos;
    if (prepared.substr(start, value.length) !== value) {
      const found = prepared.indexOf(value, Math.max(0, pos - 2));
      start = found >= 0 ? found : Math.min(pos, prepared.length);
    }
    const end = Math.min(start + value.length, prepared.length);
    pos = end;
    raw.push({
      value,
      norm: norms[i] ?? value,
      lemma: lemmas[i] ?? value,
      stem: stems[i] ?? value,
      type: types[i] ?? 'word',
      id: ids[i] ?? 0,
      start,
      end,
    });
  }

  const sentenceOf = new Int32Array(raw.length);
  const sentences: { start: number; end: number }[] = [];
  spans.forEach(([a, b], si) => {
    for (let i = a; i <= b && i < raw.length; i++) sentenceOf[i] = si;
    const first = raw[a];
    const last = raw[Math.min(b, raw.length - 1)];
    if (first && last) sentences.push({ start: first.start, end: last.end });
  });

  const words: Token[] = [];
  let clause = 0;
  let lastSentence = 0;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as RawToken;
    const sentence = sentenceOf[i] ?? 0;
    if (sentence !== lastSentence) {
      clause++;
      lastSentence = sentence;
    }
    if (t.type === 'punctuation' || t.type === 'symbol') {
      if (!QUOTE_CHARS.test(t.value)) clause++;
      continue;
    }
    if (t.type !== 'word' && t.type !== 'number' && t.type !== 'unk' && t.type !== 'alpha_numeric') continue;
    if (t.norm === "'s" || t.value === "'") continue; // possessive
    // Contractions read as their full words: "doesn't" = "does not", "it's" = "it is".
    // (Slang answers keep their own spelling: wink reads "nope"/"nah" as "no", but a
    // bare "Nope." answers the question, it negates nothing.)
    let lower = t.norm !== t.value && /^[a-z]+$/.test(t.norm) && !SLANG.has(t.value) ? t.norm : t.value;
    let lemma = t.lemma;
    // "tekashev's" / "writers'" as one token: match on the name itself.
    if (/\p{L}'s?$/u.test(lower)) {
      lower = lower.replace(/'s?$/, '');
      lemma = lemma.replace(/'s?$/, '');
    }
    words.push({
      start: t.start,
      end: t.end,
      lower,
      lemma,
      stem: t.stem,
      oov: t.id >= oovFrom,
      sentence,
      clause,
      negator: NEGATORS.has(lower),
      negatedBy: -1,
    });
  }
  fixNegatedKnow(words);
  markNegation(words);
  return { text, words, sentences };
}

/**
 * "didn't no the number" / "dont no": after a negated "do", "no" is the
 * homophone "know" (a double negation here is never what the student means).
 */
function fixNegatedKnow(words: Token[]): void {
  for (let i = 2; i < words.length; i++) {
    const w = words[i] as Token;
    if (w.lower !== 'no') continue;
    const not = words[i - 1] as Token;
    const aux = words[i - 2] as Token;
    if (not.lower !== 'not' || not.clause !== w.clause || !['do', 'did', 'does'].includes(aux.lower)) continue;
    w.lower = 'know';
    w.lemma = 'know';
    w.stem = 'know';
    w.negator = false;
  }
}

function markNegation(words: Token[]): void {
  for (let i = 0; i < words.length; i++) {
    const neg = words[i] as Token;
    if (!neg.negator) continue;
    const next = words[i + 1];
    if (next && (next.lower === 'only' || next.lower === 'doubt')) continue; // "not only", "no doubt"
    let raising = false;
    for (let j = i + 1, n = 0; j < words.length && n < MAX_SCOPE + 4; j++, n++) {
      const w = words[j] as Token;
      if (w.clause !== neg.clause) break;
      if (w.negator) break;
      if (n === 0 || (n === 1 && next?.lower === 'really')) {
        if (NEG_RAISING.has(w.lemma)) raising = true;
      }
      if (!raising) {
        if (n >= MAX_SCOPE) break;
        if (SCOPE_END_WORDS.has(w.lower)) break;
        if (n > 0 && SUBJECT_PRONOUNS.has(w.lower)) break;
      }
      if (w.negatedBy < 0) w.negatedBy = i;
    }
  }
}

/** Number of words in a text, counted the way the grader counts them. */
export function wordCount(a: Analysis): number {
  return a.words.length;
}
