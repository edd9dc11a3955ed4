/**
 * Splits an answer into the questions it asks, for rubrics that count distinct
 * questions ("write two questions you would want answered"). A question is a
 * segment ending in "?" or opening with a question word or auxiliary; "I would
 * check the sources" is a statement and does not count.
 */

export interface Segment {
  start: number;
  end: number;
  text: string;
  isQuestion: boolean;
  /** Split off the question before it at "... and what/does ...": one sentence, two questions. */
  joined?: boolean;
}

const STARTERS = new Set(
  (
    'who whom whose what which when where why how is are was were do does did can could would should ' +
    'has have had will may might shall am isnt arent doesnt dont didnt wasnt whats whos wheres hows whys whens'
  ).split(' '),
);

/**
 * An indirect question is a question: "I would want to know if Tekushev went
 * there", "I'd ask whether ...", "I wonder who paid for it". (A statement of
 * what one would DO, "I would check the sources", is not.)
 */
const INDIRECT =
  /^(?:(?:first(?:ly)?|second(?:ly)?|third|next|then|also|and|another(?: question)?(?: is)?|my (?:first |second |other )?question is)[,:]?\s+)*(?:i(?:'d| would)(?: really| also)? (?:(?:want|like|need) to (?:know|ask|find out)|ask(?: myself)?|wonder)|i (?:also )?wonder)\s+(?:if|whether|who|whom|whose|what|where|when|why|how|which)\b/i;

/**
 * "I want to know who funded it": present tense, it may be read as a
 * statement of interest rather than a question one would ask. Not counted,
 * but a teacher should look (see scoreQuestions in grade.ts).
 */
const INDIRECT_PRESENT =
  /^(?:(?:first(?:ly)?|second(?:ly)?|third|next|then|also|and)[,:]?\s+)*i (?:also |really )?(?:want|need) to (?:know|find out|see|ask)\s+(?:if|whether|who|whom|whose|what|where|when|why|how|which)\b/i;

/** A statement that may be an indirect question a teacher would count. */
export function isDoubtfulIndirect(text: string): boolean {
  return INDIRECT_PRESENT.test(text.replace(/^[\s\d.)(\-•*:]+/, ''));
}

const FILLERS = new Set(
  'and like so but also ok okay then well um plus secondly first firstly second next lastly finally another question q'.split(' '),
);

const JOINED_QUESTION =
  /,?\s+(?:and|or|also|and also)\s+(?=(?:what|who|where|when|why|how|which|whose|is|are|was|were|does|do|did|has|have|can|could|would|should|will)\s)/gi;

/** Split at "?", sentence ends, line breaks and list numbering ("1.", "2)", "-", "•"). */
export function splitSegments(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /[^?.!\n;]+[?.!;]*|\n+/g;
  const pieces: { raw: string; start: number; joined?: boolean }[] = [];
  for (const m of text.matchAll(re)) {
    // "Who is Tekushev and what evidence does he have?" asks two questions.
    let from = 0;
    // Only a question is split so ("... because it is long and has a lot of information." is one statement).
    const opener = /[\p{L}']+/u.exec(m[0].toLowerCase().replace(/^[\s\d.)(\-•*:]*/, ''))?.[0].replace(/'/g, '') ?? '';
    const joins = m[0].trimEnd().endsWith('?') || STARTERS.has(opener) ? [...m[0].matchAll(JOINED_QUESTION)] : [];
    for (const j of joins) {
      const at = (j.index ?? 0) + j[0].length;
      pieces.push({ raw: m[0].slice(from, j.index ?? 0), start: (m.index ?? 0) + from });
      from = at;
    }
    pieces.push({ raw: m[0].slice(from), start: (m.index ?? 0) + from, joined: from > 0 });
  }
  for (const { raw, start, joined } of pieces) {
    // Trim list markers and spaces at the front.
    const lead = /^[\s\d.)(\-•*:]*(?:(?:q|question)\s*\d*\s*[:.)-]\s*)?/i.exec(raw)?.[0].length ?? 0;
    const body = raw.slice(lead).trimEnd();
    if (!/\p{L}/u.test(body)) continue;
    // Skip fillers before the question word: "and like how does he know ...".
    const opening = body.toLowerCase().replace(/'/g, '').match(/[\p{L}]+/gu) ?? [];
    let k = 0;
    while (k < opening.length - 1 && k < 3 && FILLERS.has(opening[k] as string)) k++;
    const first = opening[k] ?? '';
    const isQuestion = body.endsWith('?') || STARTERS.has(first) || INDIRECT.test(body);
    out.push({ start: start + lead, end: start + lead + body.length, text: body, isQuestion, ...(joined ? { joined } : {}) });
  }
  // "1. What ..." : a lone number followed by "." is part of the next segment, already trimmed.
  return out;
}

/** Jaccard similarity of two signature sets (1 = same question reworded). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Two questions are the same question reworded when they are of the same
 * kinds (evidence, source, bias, ...) and share most of their other words.
 */
export interface QuestionSignature {
  kinds: ReadonlySet<string>;
  words: ReadonlySet<string>;
  /** "concept:phraseIndex" of the rubric phrases that matched (optional). */
  phrases?: ReadonlySet<string>;
}

export function sameQuestion(a: QuestionSignature, b: QuestionSignature): boolean {
  // Who is asked about is not what is asked: "Is the article biased?" and "Is
  // the author biased?" ask the same (bias) question of two subjects. So a
  // question's subject kind ("author") is ignored when both ask something else.
  const strip = (k: ReadonlySet<string>) => new Set([...k].filter((x) => !SUBJECT_KINDS.has(x)));
  const ak = strip(a.kinds);
  const bk = strip(b.kinds);
  if (ak.size > 0 && bk.size > 0 && (ak.size !== a.kinds.size || bk.size !== b.kinds.size)) {
    const sameKinds = ak.size === bk.size && subset(ak, bk);
    const fewWords = a.words.size <= 1 && b.words.size <= 1;
    // ...and asked with the same rubric phrase ("biased" / "biased", not "paid for" / "reliable").
    const own = (p: ReadonlySet<string> | undefined) =>
      new Set([...(p ?? [])].filter((x) => !SUBJECT_KINDS.has(x.slice(0, x.lastIndexOf(':')))));
    const ap = own(a.phrases);
    const bp = own(b.phrases);
    const samePhrases = ap.size > 0 && ap.size === bp.size && subset(ap, bp);
    if (sameKinds && fewWords && samePhrases) return true;
  }
  const kindsEqual = a.kinds.size === b.kinds.size && subset(a.kinds, b.kinds);
  const kindsNested =
    Math.min(a.kinds.size, b.kinds.size) >= 2 && (subset(a.kinds, b.kinds) || subset(b.kinds, a.kinds));
  const wordsEqual = a.words.size === b.words.size && subset(a.words, b.words);
  const wordsNested = subset(a.words, b.words) || subset(b.words, a.words);
  // Same kinds and one adds a detail ("Is he biased?" / "Is he biased against Muslims?"),
  // or nested kinds with nothing else ("Did the writer check the facts?" / "Did he fact-check it?").
  return (kindsEqual && (wordsNested || similarity(a.words, b.words) >= 0.5)) || (kindsNested && wordsEqual);
}

/** Kinds that name whom a question is about rather than what it asks. */
const SUBJECT_KINDS = new Set(['author']);

function subset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
