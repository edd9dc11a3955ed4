/**
 * Finds the rubric's concepts in an analysed answer. Each word of the answer
 * is looked up once against the rubric vocabulary (spelling, lemma, stem,
 * prefix, then misspelling tolerance for words wink does not know); phrases
 * are then matched from their first word. Every match records whether it is
 * negated, so "no evidence" and "Tekushev" vs "not Tekushev" can be told apart.
 */
import type { Analysis, Token } from './normalize';
import type { Elem, Phrase, Vocabulary } from './concepts';
import { isNearMiss, isNearPrefix } from './fuzzy';

export interface ConceptMatch {
  concept: string;
  /** Which phrase of the concept matched (see Phrase.index). */
  phrase: number;
  /** Indices into `analysis.words`. */
  words: number[];
  negated: boolean;
  sentence: number;
  start: number;
  end: number;
}

const EMPTY: readonly number[] = [];
const GAP_BREAKERS = new Set(['because', 'but', 'although', 'though', 'however', 'whereas', 'while', 'since', 'unless', 'so', 'cause', 'cuz', 'therefore']);
const JOINERS = new Set(['and', 'or', 'but', 'yet']);
const CACHE_LIMIT = 20000;

const SUFFIX = (w: string): string => (w.endsWith('ly') ? 'ly' : /[ai]ble$/.test(w) ? 'able' : '');
const SUFFIXED = (w: string): boolean => SUFFIX(w) !== '';

/** Per-vocabulary memo of word -> vocabulary ids (students reuse the same words). */
const wordCache = new WeakMap<Vocabulary, Map<string, readonly number[]>>();

function lookupWord(vocab: Vocabulary, t: Token): readonly number[] {
  let cache = wordCache.get(vocab);
  if (!cache) {
    cache = new Map();
    wordCache.set(vocab, cache);
  }
  const key = `${t.lower}\u0000${t.lemma}\u0000${t.oov ? 1 : 0}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const found = new Set<number>();
  for (const id of vocab.byLower.get(t.lower) ?? EMPTY) found.add(id);
  for (const id of vocab.byLemma.get(t.lemma) ?? EMPTY) found.add(id);
  // Stems join derivations ("confirmation" = "confirm"), but an "-ing" word the
  // model reads as an adjective keeps its own sense: "interesting" is not
  // "interest", "exciting" not "excite".
  const ingAdjective = t.lemma === t.lower && t.lower.endsWith('ing') && !t.oov;
  if (t.stem.length >= 3 && !ingAdjective) {
    for (const id of vocab.byStem.get(t.stem) ?? EMPTY) {
      const e = vocab.entries[id];
      // Nor does a stem bridge an adverb or an "-able" adjective and its root:
      // "differently" is not "different", "overly" not "over", "believable" not "believe".
      if (e && e.lemma !== t.lemma && (SUFFIXED(e.word) || SUFFIXED(t.lower)) && SUFFIX(e.word) !== SUFFIX(t.lower)) continue;
      found.add(id);
    }
  }
  for (const id of vocab.prefixes) {
    const e = vocab.entries[id];
    if (e && t.lower.startsWith(e.word)) found.add(id);
  }
  // Misspellings: only for words the English model does not know.
  if (t.oov && t.lower.length >= 5 && /^[a-z]+$/.test(t.lower)) {
    for (const id of vocab.fuzzy) {
      if (found.has(id)) continue;
      const e = vocab.entries[id];
      if (!e) continue;
      if (e.prefix ? isNearPrefix(t.lower, e.word) : isNearMiss(t.lower, e.word)) found.add(id);
    }
  }
  const result = found.size ? [...found] : EMPTY;
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function isNegated(words: readonly Token[], matched: readonly number[]): boolean {
  for (const i of matched) {
    const w = words[i];
    if (!w || w.negator) continue;
    if (w.negatedBy >= 0 && !matched.includes(w.negatedBy)) return true;
  }
  return false;
}

/** All concept matches in the answer (a concept may match several times). */
export function matchConcepts(analysis: Analysis, vocab: Vocabulary): ConceptMatch[] {
  const words = analysis.words;
  const ids: (readonly number[])[] = words.map((t) => lookupWord(vocab, t));
  const sets: Set<number>[] = ids.map((l) => new Set(l));
  const present = new Set<number>();
  for (const l of ids) for (const id of l) present.add(id);
  /** Phrase index -> whether every later part has a word present in the answer. */
  const feasible = new Map<number, boolean>();
  const isFeasible = (p: Phrase): boolean => {
    let ok = feasible.get(p.index);
    if (ok === undefined) {
      ok = p.needs.every((n) => n === null || n.some((id) => present.has(id)));
      feasible.set(p.index, ok);
    }
    return ok;
  };
  const out: ConceptMatch[] = [];
  const seen = new Set<string>();

  /** Match one alternative word sequence starting exactly at word `at`; returns the next free index. */
  const matchSeq = (seq: readonly Elem[], at: number, picked: number[]): number => {
    let pos = at;
    let prev = -1;
    for (const e of seq) {
      const w = words[pos];
      const ok =
        w !== undefined &&
        (sets[pos]?.has(e.id) ?? false) &&
        (prev < 0 || (w.clause === (words[prev] as Token).clause));
      if (ok) {
        picked.push(pos);
        prev = pos;
        pos++;
      } else if (!e.optional) {
        return -1;
      }
    }
    return pos;
  };

  const tryPhrase = (p: Phrase, start: number): number[] | null => {
    const picked: number[] = [];
    const step = (seg: number, from: number, sentence: number): boolean => {
      const s = p.segments[seg];
      if (!s) return true;
      for (let j = from; j <= from + s.gap && j < words.length; j++) {
        const w = words[j] as Token;
        if (seg > 0 && w.sentence !== sentence) break;
        // A gap does not reach across "because", "but", ...: that is another clause's idea.
        if (j > from && GAP_BREAKERS.has((words[j - 1] as Token).lower)) break;
        // Nor across a clause break after a negation ("not old, it's recent") or into
        // a new ", and ..." clause ("from the officials, and the number ...").
        if (seg > 0 && j > 0 && w.clause !== (words[j - 1] as Token).clause) {
          const before = words[from - 1] as Token;
          if (before.negator || JOINERS.has(w.lower)) break;
        }
        if (seg === 0 && j !== start) break;
        for (const seq of s.alts) {
          const mark = picked.length;
          const next = matchSeq(seq, j, picked);
          if (next > j && step(seg + 1, next, w.sentence)) return true;
          picked.length = mark;
        }
      }
      return false;
    };
    return step(0, start, words[start]?.sentence ?? 0) ? picked : null;
  };

  for (let i = 0; i < words.length; i++) {
    const here = ids[i] ?? EMPTY;
    for (const id of here) {
      for (const p of vocab.firstSlot.get(id) ?? []) {
        if (!isFeasible(p)) continue;
        const picked = tryPhrase(p, i);
        if (!picked) continue;
        const key = `${p.concept}:${picked.join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const first = words[picked[0] as number] as Token;
        const last = words[picked[picked.length - 1] as number] as Token;
        out.push({
          concept: p.concept,
          phrase: p.index,
          words: picked,
          negated: isNegated(words, picked),
          sentence: first.sentence,
          start: first.start,
          end: last.end,
        });
      }
    }
  }
  return out;
}
