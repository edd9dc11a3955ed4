/**
 * Compiles a rubric's concepts (lists of phrases written by a teacher) into a
 * structure that can be matched quickly: every distinct rubric word becomes a
 * vocabulary entry with its lemma and stem, so an answer's words are looked up
 * once each instead of being compared with every phrase. Compilation happens
 * once per rubric object (see `compileQuestionRubric` in grade.ts).
 *
 * Phrase syntax (documented for teachers at the top of rubric.yaml):
 *   `..` splits a phrase into parts with up to three other words in between;
 *   within a part, `|` separates alternative word sequences ("close to|nearly");
 *   words of a sequence match consecutive words of the answer;
 *   `word*` any word starting so; `=word` this exact spelling only (no lemma,
 *   stem or typo matching); `word?` an optional word.
 */
import { analyze } from './normalize';

export interface VocabEntry {
  /** The word as written in the rubric (lower case). */
  word: string;
  prefix: boolean;
  exact: boolean;
  lemma: string;
  stem: string;
}

/** One word of a phrase: any of these vocabulary ids (one, unless the word is "a|b" inside a sequence). */
export interface Elem {
  id: number;
  optional: boolean;
}

/** A stretch of a phrase between ".." gaps: alternative word sequences. */
export interface Segment {
  alts: Elem[][];
  /** Extra words allowed before this segment (0 = adjacent, same clause). */
  gap: number;
}

export interface Phrase {
  concept: string;
  /** Position in the compiled list: identifies the phrase (two rewordings via one phrase = same idea). */
  index: number;
  source: string;
  segments: Segment[];
  /**
   * For each segment after the first: the vocabulary ids one of which must
   * occur somewhere in the answer for the segment to match (each alternative's
   * first required word), or null when an alternative is all optional words.
   * Lets the matcher skip a phrase whose later parts cannot match at all.
   */
  needs: (number[] | null)[];
}

export interface Vocabulary {
  entries: VocabEntry[];
  byLower: Map<string, number[]>;
  byLemma: Map<string, number[]>;
  byStem: Map<string, number[]>;
  prefixes: number[];
  /** Entries long enough for misspelling tolerance. */
  fuzzy: number[];
  /** Index: vocabulary id -> phrases whose first slot accepts it. */
  firstSlot: Map<number, Phrase[]>;
}

const GAP = 3;

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(id)) list.push(id);
  } else map.set(key, [id]);
}

/** Build the vocabulary and phrases of a set of concepts. */
export function compileConcepts(concepts: Record<string, readonly string[]>): { vocab: Vocabulary; phrases: Phrase[] } {
  const vocab: Vocabulary = {
    entries: [],
    byLower: new Map(),
    byLemma: new Map(),
    byStem: new Map(),
    prefixes: [],
    fuzzy: [],
    firstSlot: new Map(),
  };
  const ids = new Map<string, number>();

  const entryFor = (raw: string): number => {
    const known = ids.get(raw);
    if (known !== undefined) return known;
    const exact = raw.startsWith('=');
    const prefix = raw.endsWith('*');
    const word = raw.replace(/^=/, '').replace(/\*$/, '');
    let lemma = word;
    let stem = word;
    if (!prefix && !exact) {
      const only = analyze(word).words[0];
      if (only) {
        lemma = only.lemma;
        stem = only.stem;
      }
    }
    const id = vocab.entries.length;
    vocab.entries.push({ word, prefix, exact, lemma, stem });
    ids.set(raw, id);
    if (prefix) {
      vocab.prefixes.push(id);
      if (word.length >= 5) vocab.fuzzy.push(id);
    } else {
      push(vocab.byLower, word, id);
      if (!exact) {
        push(vocab.byLemma, lemma, id);
        if (stem.length >= 3) push(vocab.byStem, stem, id);
        if (word.length >= 6) vocab.fuzzy.push(id);
      }
    }
    return id;
  };

  /** One word as written: syntax markers are handled here, the rest goes through the answer tokeniser. */
  const wordElems = (w: string): Elem[] => {
    const optional = w.length > 1 && w.endsWith('?');
    const body = optional ? w.slice(0, -1) : w;
    if (body.startsWith('=') || body.endsWith('*')) return [{ id: entryFor(body), optional }];
    const toks = analyze(body).words;
    if (toks.length === 0) return [];
    return toks.map((t) => ({ id: entryFor(t.lower), optional }));
  };

  const phrases: Phrase[] = [];
  for (const [concept, list] of Object.entries(concepts)) {
    for (const source of list) {
      const segments: Segment[] = [];
      source.split(/\s+\.\.\s+|^\.\.\s+|\s+\.\.$/).forEach((segText, si) => {
        const alts = segText
          .split('|')
          .map((alt) =>
            alt
              .trim()
              .split(/\s+/)
              .filter(Boolean)
              .flatMap(wordElems),
          )
          .filter((seq) => seq.length > 0);
        if (alts.length) segments.push({ alts, gap: si === 0 ? 0 : GAP });
      });
      const first = segments[0];
      if (!first) continue;
      const needs = segments.slice(1).map((seg) => {
        const ids: number[] = [];
        for (const alt of seg.alts) {
          const req = alt.find((e) => !e.optional);
          if (!req) return null;
          ids.push(req.id);
        }
        return ids;
      });
      const phrase: Phrase = { concept, index: phrases.length, source, segments, needs };
      phrases.push(phrase);
      for (const seq of first.alts) {
        const head = seq[0];
        if (!head) continue;
        head.optional = false;
        const list = vocab.firstSlot.get(head.id);
        if (list) {
          if (!list.includes(phrase)) list.push(phrase);
        } else vocab.firstSlot.set(head.id, [phrase]);
      }
    }
  }
  return { vocab, phrases };
}
