/**
 * Grades one free-written answer against its question's rubric. This is the
 * part of the product teachers have to trust, so it is deterministic, explains
 * every point with evidence spans in the student's text, and says when it is
 * unsure (needsReview) instead of guessing silently.
 */
import type { TextQuestion } from '../../content/schema';
import type { ArticleText } from '../../content/article-text';
import type { TextAnswer } from '../answers';
import type { CriterionResult, EvidenceSpan, GradeResult } from '../types';
import type { Condition, CriterionRubric, TextQuestionRubric } from './rubric-schema';
import { parseRef } from './rubric-schema';
import { compileConcepts, type Phrase, type Vocabulary } from './concepts';
import { analyze, type Analysis, type Token } from './normalize';
import { matchConcepts, type ConceptMatch } from './matcher';
import { detectCopiedText, detectKeywordList, detectNotEnglish, detectRepetition, detectSelfCorrection } from './signals';
import { checkQuotes, normalizeForQuote } from './quotes';
import { isDoubtfulIndirect, sameQuestion, splitSegments, type QuestionSignature } from './questions';

interface CompiledRubric {
  vocab: Vocabulary;
  phrases: Phrase[];
}

const compiled = new WeakMap<TextQuestionRubric, CompiledRubric>();

function conditionConcepts(c: Condition): string[] {
  return typeof c === 'string' ? [parseRef(c).concept] : [...c.all, ...c.none].map((r) => parseRef(r).concept);
}

/** Compile (once per rubric object) only the concepts this question uses. */
export function compileQuestionRubric(rubric: TextQuestionRubric): CompiledRubric {
  const hit = compiled.get(rubric);
  if (hit) return hit;
  const used = new Set<string>();
  for (const c of Object.values(rubric.criteria)) {
    const conds = [...(c.any ?? []), ...Object.values(c.kinds ?? {}).flat(), ...(c.questions?.about ?? []), ...c.unless];
    for (const cond of conds) for (const name of conditionConcepts(cond)) used.add(name);
  }
  for (const c of rubric.contradictions) for (const name of typeof c === 'string' ? [c] : c) used.add(name);
  const concepts: Record<string, readonly string[]> = {};
  for (const name of used) concepts[name] = rubric.concepts[name] ?? [];
  const result = compileConcepts(concepts);
  compiled.set(rubric, result);
  return result;
}

function refHolds(ref: string, m: ConceptMatch): boolean {
  const { polarity, concept } = parseRef(ref);
  if (m.concept !== concept) return false;
  return polarity === 'either' || (polarity === 'negated') === m.negated;
}

/** The matches that satisfy a condition, or null when it does not hold. */
export function evalCondition(cond: Condition, matches: readonly ConceptMatch[]): ConceptMatch[] | null {
  if (typeof cond === 'string') {
    const hits = matches.filter((m) => refHolds(cond, m));
    return hits.length ? hits : null;
  }
  const holdsIn = (scope: readonly ConceptMatch[]): ConceptMatch[] | null => {
    if (cond.none.some((r) => scope.some((m) => refHolds(r, m)))) return null;
    const used: ConceptMatch[] = [];
    for (const r of cond.all) {
      const hits = scope.filter((m) => refHolds(r, m));
      if (!hits.length) return null;
      used.push(...hits);
    }
    return used;
  };
  if (cond.within === 'answer') return holdsIn(matches);
  const sentences = new Set(matches.map((m) => m.sentence));
  for (const s of sentences) {
    const used = holdsIn(matches.filter((m) => m.sentence === s));
    if (used) return used;
  }
  return null;
}

function firstHolding(conds: readonly Condition[], matches: readonly ConceptMatch[]): ConceptMatch[] | null {
  let all: ConceptMatch[] | null = null;
  for (const c of conds) {
    const hit = evalCondition(c, matches);
    if (hit) all = [...(all ?? []), ...hit];
  }
  return all;
}

function spansOf(matches: readonly { start: number; end: number }[]): EvidenceSpan[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: EvidenceSpan[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ start: m.start, end: m.end });
  }
  return out;
}

interface Scored {
  score: number;
  evidence: EvidenceSpan[];
  /** Something looked like an answer to this criterion but was not counted. */
  doubtful?: boolean;
}

function scoreQuestions(
  rule: NonNullable<CriterionRubric['questions']>,
  points: number,
  text: string,
  analysis: Analysis,
  matches: readonly ConceptMatch[],
  topic: Topic | undefined,
): Scored {
  const counted: QuestionSignature[] = [];
  const evidence: EvidenceSpan[] = [];
  let uncounted = 0;
  let joinedCounted = 0;
  for (const seg of splitSegments(text)) {
    const inSeg = matches.filter((m) => m.start >= seg.start && m.end <= seg.end);
    if (!seg.isQuestion) {
      // "I want to know who funded it": maybe a question to a teacher, maybe not.
      if (isDoubtfulIndirect(seg.text) && firstHolding(rule.about, inSeg.map((m) => ({ ...m, sentence: 0 })))) uncounted++;
      continue;
    }
    // Sentence ids may differ from our segments; treat the segment as one sentence.
    const asOne = inSeg.map((m) => ({ ...m, sentence: 0 }));
    const hit = firstHolding(rule.about, asOne);
    if (!hit) {
      // A question about something else entirely ("What is the capital of
      // Kazakhstan?") is confidently not counted; one that uses the
      // criterion's own words may be a kind of question the rubric misses.
      const segWords = analysis.words.filter((w) => w.start >= seg.start && w.end <= seg.end);
      if (topic && topicHits(segWords, topic) >= 1) uncounted++;
      continue;
    }
    const kinds = new Set(hit.map((m) => m.concept));
    const covered = new Set(inSeg.flatMap((m) => m.words));
    const words = new Set<string>();
    analysis.words.forEach((w, i) => {
      if (w.start >= seg.start && w.end <= seg.end && !covered.has(i) && w.lower.length > 3 && !STOP.has(w.lower))
        words.add(w.lemma);
    });
    const sig = { kinds, words, phrases: new Set(hit.map((m) => `${m.concept}:${m.phrase}`)) };
    if (counted.some((c) => sameQuestion(c, sig))) {
      uncounted++;
      continue;
    }
    counted.push(sig);
    if (seg.joined) joinedCounted++;
    evidence.push({ start: seg.start, end: seg.end });
  }
  const score = Math.min(points, counted.length);
  // Two counted questions about the very same words ("Where did he get his
  // info? What is his info based on?"), or two questions joined in one
  // sentence ("Who is he and does he ...?"), may be one question to a teacher.
  const sameWords = counted.some((a, i) =>
    counted.some((b, j) => j > i && a.words.size > 0 && a.words.size === b.words.size && [...a.words].every((w) => b.words.has(w))),
  );
  // Two counted questions on the very same rubric ideas ("Are the facts true?
  // Is the information correct?") may be one question reworded.
  const sameKinds =
    counted.some((a, i) =>
      counted.some((b, j) => j > i && a.kinds.size === b.kinds.size && [...a.kinds].every((k) => b.kinds.has(k)) && a.words.size <= 1 && b.words.size <= 1),
    );
  if (score >= 2 && (sameWords || sameKinds || joinedCounted > 0)) return { score, evidence, doubtful: true };
  // A question not counted (off-topic or a rewording) is a judgment call when it cost a point.
  return { score, evidence, doubtful: uncounted > 0 && score < points };
}

const STOP = new Set(
  'what which where when have does there that this they them their about would could should with from were been into your will whose'.split(' '),
);

/** Words too common to say what a sentence is about. */
const GENERIC = new Set(
  (
    'the a an and or but if so because as of to in on at by for with from about into than then it its is are was were be been ' +
    'being am do does did done have has had not no never i you he she we they me him her us them my your his our their this that ' +
    'these those there here what who whom whose which when where why how would could should can will may might must shall one ' +
    'some any all more most other another only just also very too out up down over again say says said think know get got make ' +
    'made like way each both such own same see tell find look use give show thing things something anything really much many ' +
    'lot well good new first last two want wants go going come came take took put part people person even still ' +
    'article paragraph text question answer'
  ).split(' '),
);

interface Topic {
  words: Set<string>;
  prefixes: string[];
}

const topicCache = new WeakMap<TextQuestionRubric, Map<string, Topic>>();
const fullTopicCache = new WeakMap<TextQuestionRubric, Map<string, Topic>>();
const sharedWordsCache = new WeakMap<ArticleText, Set<string>>();

/** Spellings and lemmas of the article's words. */
function articleWords(article: ArticleText): Set<string> {
  const hit = sharedWordsCache.get(article);
  if (hit) return hit;
  const out = new Set<string>();
  for (const w of analyze(article.body).words) {
    out.add(w.lower);
    out.add(w.lemma);
  }
  sharedWordsCache.set(article, out);
  return out;
}

/**
 * The topic words of each criterion: the content words of its concepts'
 * phrases ("confirm", "evidence", "estimate", ...), with their lemmas, and
 * the `word*` prefixes of 6+ letters. Words the article or the prompt itself
 * uses ("cells", "unemployment", "network", "funding") are left out: a
 * student who retells the article or restates the prompt uses them without
 * attempting the criterion, so they say nothing about a missed paraphrase.
 */
function criterionTopics(rubric: TextQuestionRubric, q: TextQuestion, article: ArticleText, keepShared = false): Map<string, Topic> {
  const cache = keepShared ? fullTopicCache : topicCache;
  const hit = cache.get(rubric);
  if (hit) return hit;
  const shared = new Set(keepShared ? [] : articleWords(article));
  if (!keepShared) {
    for (const w of analyze(q.prompt).words) {
      shared.add(w.lower);
      shared.add(w.lemma);
    }
  }
  const out = new Map<string, Topic>();
  for (const [cid, c] of Object.entries(rubric.criteria)) {
    const conds = [...(c.any ?? []), ...Object.values(c.kinds ?? {}).flat(), ...(c.questions?.about ?? [])];
    const topic: Topic = { words: new Set(), prefixes: [] };
    for (const cond of conds) {
      for (const name of conditionConcepts(cond)) {
        for (const phrase of rubric.concepts[name] ?? []) {
          for (const raw of phrase.split(/[\s|]+/)) {
            const w = raw.replace(/^=/, '').replace(/\?$/, '').toLowerCase();
            if (!/^[a-z]+\*?$/.test(w) || w.length < 4) continue;
            if (w.endsWith('*')) {
              const p = w.slice(0, -1);
              if (w.length >= 6 && ![...shared].some((x) => x.startsWith(p))) topic.prefixes.push(p);
            } else if (!GENERIC.has(w) && !shared.has(w)) {
              const lemma = analyze(w).words[0]?.lemma ?? w;
              if (shared.has(lemma)) continue;
              topic.words.add(w);
              if (!GENERIC.has(lemma)) topic.words.add(lemma);
            }
          }
        }
      }
    }
    out.set(cid, topic);
  }
  cache.set(rubric, out);
  return out;
}

/** Distinct topic words of `topic` among `words`. */
function topicHits(words: readonly Token[], topic: Topic): number {
  const seen = new Set<string>();
  for (const w of words) {
    if (w.lower.length < 4 || GENERIC.has(w.lower) || GENERIC.has(w.lemma)) continue;
    if (topic.words.has(w.lower) || topic.words.has(w.lemma) || topic.prefixes.some((p) => w.lower.startsWith(p))) seen.add(w.lemma);
  }
  return seen.size;
}

/**
 * A sentence of at least `minWords` words that earned nothing yet uses two or
 * more topic words of a criterion: the idea in words the rubric does not
 * know, or a second thought about what earned a point. Either way, doubtful.
 */
function hasTopicalUnusedSentence(
  analysis: Analysis,
  evidence: readonly EvidenceSpan[],
  topics: readonly Topic[],
  minWords: number,
): boolean {
  if (topics.length === 0) return false;
  const bySentence = new Map<number, Token[]>();
  const used = new Set<number>();
  for (const w of analysis.words) {
    const list = bySentence.get(w.sentence) ?? [];
    list.push(w);
    bySentence.set(w.sentence, list);
    if (evidence.some((e) => w.start < e.end && w.end > e.start)) used.add(w.sentence);
  }
  for (const [sentence, words] of bySentence) {
    if (used.has(sentence) || words.length < minWords) continue;
    if (topics.some((t) => topicHits(words, t) >= 2)) return true;
  }
  return false;
}

const CORRECTION_START = /^\s*(?:actually|well,? actually|no,? wait|wait,? no|or maybe|hmm+,?|on second thought|scratch that|i mean)\b/i;

/**
 * Sentences withdrawn by the next one ("Actually no, ...", "No wait, ...",
 * "Or maybe ..."). A hedged correction ("Actually maybe it ...") withdraws nothing.
 */
function retractedSentences(text: string, analysis: Analysis): Set<number> {
  const out = new Set<number>();
  analysis.sentences.forEach((s, i) => {
    const sentence = text.slice(s.start, s.end);
    if (i === 0 || !CORRECTION_START.test(sentence)) return;
    if (!/^\s*or maybe\b/i.test(sentence) && /\b(?:maybe|perhaps|might)\b/i.test(sentence)) return;
    out.add(i - 1);
  });
  return out;
}

function hintFor(q: TextQuestion): string | undefined {
  const ps = q.paragraphs;
  if (ps.length === 0) return undefined;
  if (ps.length === 1) return `Look at paragraph ${ps[0]}.`;
  return `Look at paragraphs ${ps.slice(0, -1).join(', ')} and ${ps[ps.length - 1]}.`;
}

function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // do not split an emoji in half
  return text.slice(0, end);
}

const MESSAGES = {
  empty: 'Write an answer first: there is nothing to check yet.',
  full: 'Well done: your answer covers everything this question asks for.',
  partial: 'Good start: part of the answer is there. See below what is still missing.',
  none: 'Your answer does not cover what this question asks yet. See below what to look for.',
  keywordList: 'Write your answer in sentences: say what you mean, not just keywords.',
  repetitive: 'Write your answer in sentences: repeating a word does not explain anything.',
  notEnglish: 'Please write your answer in English so it can be checked.',
  copied: 'Your answer mostly copies the article. Explain in your own words what it means.',
  contradiction: 'Your answer seems to say two opposite things. Make clear which one you mean.',
} as const;

export interface GradeTextOptions {
  /**
   * Other text of the article a student may quote verbatim besides the body:
   * the headline and the photo caption (and its credit line).
   */
  quotableText?: readonly string[];
}

/**
 * Grade a free-written answer. Never throws: anything unexpected becomes a
 * zero score flagged for a teacher ("grader-error").
 */
export function gradeText(
  question: TextQuestion,
  rubric: TextQuestionRubric,
  answer: TextAnswer,
  article: ArticleText,
  options: GradeTextOptions = {},
): GradeResult {
  try {
    return gradeUnsafe(question, rubric, answer, article, options);
  } catch {
    return {
      questionId: question.id,
      score: 0,
      maxScore: question.points,
      needsReview: true,
      reviewReasons: ['grader-error'],
      criteria: question.criteria.map((c) => ({
        id: c.id,
        label: c.label,
        score: 0,
        maxScore: c.points,
        feedback: c.missing,
        evidence: [],
      })),
      feedback: ['Your answer could not be checked automatically. Your teacher will look at it.'],
    };
  }
}

function gradeUnsafe(
  q: TextQuestion,
  rubric: TextQuestionRubric,
  answer: TextAnswer,
  article: ArticleText,
  options: GradeTextOptions,
): GradeResult {
  const raw = typeof answer?.text === 'string' ? answer.text : '';
  const zeroCriteria = (): CriterionResult[] =>
    q.criteria.map((c) => ({ id: c.id, label: c.label, score: 0, maxScore: c.points, feedback: c.missing, evidence: [] }));
  const base = { questionId: q.id, maxScore: q.points };

  if (!/[\p{L}\p{N}]/u.test(raw)) {
    return { ...base, score: 0, needsReview: false, reviewReasons: [], criteria: zeroCriteria(), feedback: [MESSAGES.empty], hint: hintFor(q) };
  }
  const max = q.maxLength;
  const text = cutAt(raw, max);
  const notes: string[] = [];
  if (raw.length > max) notes.push(`Your answer is longer than ${max} characters, so only the first ${max} were checked.`);

  const analysis = analyze(text);
  const { vocab } = compileQuestionRubric(rubric);
  const matches = matchConcepts(analysis, vocab);

  const reasons: string[] = [];
  const list = detectKeywordList(text, analysis);
  const keywordList = list.isList;
  const repetitive = !keywordList && detectRepetition(analysis);
  const notEnglish = !keywordList && !repetitive && detectNotEnglish(text, analysis);
  const copied = detectCopiedText(text, article);
  if (keywordList) reasons.push('keyword-list');
  if (repetitive) reasons.push('repetitive');
  if (notEnglish) reasons.push('not-english');
  if (copied) reasons.push('copied-text');
  // "It's Tekushev. Actually no, it's the writer." A teacher reads the
  // correction as replacing the sentence before it: so do we (and flag it).
  const retracted = retractedSentences(text, analysis);
  const standing = retracted.size ? matches.filter((m) => !retracted.has(m.sentence)) : matches;
  const noReasoning = repetitive || copied;
  // In a keyword list only items of two or more words can state an idea
  // ("unknown number; police reports"); single keywords earn no reasoning credit.
  // Items copied from the prompt ("two years ago") state nothing either.
  const promptText = keywordList ? ` ${normalizeForQuote(q.prompt)} ` : '';
  const claimItems = list.segments.filter(
    (s) => s.words >= 2 && !promptText.includes(` ${normalizeForQuote(text.slice(s.start, s.end))} `),
  );
  const listClaims = keywordList
    ? standing.filter((m) => claimItems.some((s) => m.start >= s.start && m.end <= s.end))
    : standing;

  const topics = criterionTopics(rubric, q, article);
  let doubtful = false;
  /** The concept matches that earned each criterion (not for question counting). */
  const credited = new Map<string, ConceptMatch[]>();
  const criteria: CriterionResult[] = q.criteria.map((c) => {
    const rule = rubric.criteria[c.id];
    let scored: Scored = { score: 0, evidence: [] };
    if (rule && !(noReasoning && rule.type === 'reasoning') && !copied) {
      const usable = rule.type === 'reasoning' ? listClaims : standing;
      if (rule.any) {
        const hit = firstHolding(rule.any, usable);
        if (hit) {
          scored = { score: c.points, evidence: spansOf(hit) };
          credited.set(c.id, hit);
        }
      } else if (rule.kinds) {
        const hits = Object.entries(rule.kinds)
          .map(([kind, conds]) => ({ kind, hit: firstHolding(conds, usable) }))
          .filter((h): h is { kind: string; hit: ConceptMatch[] } => h.hit !== null);
        scored = { score: Math.min(c.points, hits.length), evidence: spansOf(hits.flatMap((h) => h.hit)) };
        for (const h of hits) credited.set(`${c.id}#${h.kind}`, h.hit);
      } else if (rule.questions) {
        // A question asked stays asked, whatever the student says next.
        scored = scoreQuestions(rule.questions, c.points, text, analysis, keywordList ? listClaims : matches, topics.get(c.id));
      }
      if (scored.score > 0 && rule.unless.length && firstHolding(rule.unless, usable)) {
        scored = { score: 0, evidence: [] };
        for (const k of [...credited.keys()]) if (k === c.id || k.startsWith(`${c.id}#`)) credited.delete(k);
      }
    }
    if (scored.doubtful) doubtful = true;
    const feedback =
      scored.score >= c.points ? c.met : scored.score > 0 ? (c.partial ?? c.missing) : c.missing;
    return { id: c.id, label: c.label, score: scored.score, maxScore: c.points, feedback, evidence: scored.evidence };
  });
  const score = criteria.reduce((s, c) => s + c.score, 0);

  if (detectSelfCorrection(text)) {
    reasons.push('contradiction');
    notes.push(MESSAGES.contradiction);
  }
  for (const entry of rubric.contradictions) {
    if (reasons.includes('contradiction')) break;
    const contradicts =
      typeof entry === 'string'
        ? matches.some((m) => m.concept === entry && m.negated) && matches.some((m) => m.concept === entry && !m.negated)
        : matches.some((m) => m.concept === entry[0] && !m.negated) && matches.some((m) => m.concept === entry[1] && !m.negated);
    if (contradicts) {
      reasons.push('contradiction');
      notes.push(MESSAGES.contradiction);
      break;
    }
  }

  for (const qc of checkQuotes(text, article, [q.prompt, ...(options.quotableText ?? [])])) {
    if (qc.found) continue;
    if (!reasons.includes('misquote')) reasons.push('misquote');
    const shown = qc.text.trim().length > 80 ? `${qc.text.trim().slice(0, 77)}...` : qc.text.trim();
    notes.push(
      qc.articleWords
        ? `Check your quotation "${shown}": the article's words are "${qc.articleWords}".`
        : `Check your quotation "${shown}": these words are not in the article. Quote the article's exact words, or leave out the quotation marks.`,
    );
  }

  if (doubtful && reasons.length === 0) reasons.push('uncounted-question');
  const missingTopics = criteria
    .filter((c) => c.score < c.maxScore)
    .map((c) => topics.get(c.id))
    .filter((t): t is Topic => t !== undefined);
  // Nothing earned, substantive, and on the topic of a missing criterion: maybe
  // the right idea in words the rubric does not know. (Off-topic prose that
  // earns nothing is graded 0 with confidence.)
  if (
    score === 0 &&
    reasons.length === 0 &&
    analysis.words.length >= rubric.substantiveWords &&
    missingTopics.some((t) => topicHits(analysis.words, t) >= 2)
  ) {
    reasons.push('unmatched-substantive');
  } else if (
    score < q.points &&
    reasons.length === 0 &&
    hasTopicalUnusedSentence(
      analysis,
      criteria.flatMap((c) => c.evidence),
      // A student who earned a point is engaging with the question: there even
      // the article's own words ("the numbers", "the cells") may carry a
      // paraphrase. With nothing earned they more likely retell the article.
      [...(score > 0 ? criterionTopics(rubric, q, article, true) : topics).values()],
      rubric.substantiveWords - 2,
    )
  ) {
    // Something is missing and a whole sentence that matched nothing talks
    // about a criterion's topic: maybe a paraphrase the rubric does not know
    // yet, or a second thought that qualifies what earned a point.
    reasons.push('unmatched-sentence');
  }

  // The grade itself may rest on doubtful evidence (see lowConfidence).
  if (reasons.length === 0) {
    const low = lowConfidence(rubric, text, analysis, matches, criteria, credited, q.prompt);
    if (low) reasons.push(low);
  }

  const feedback: string[] = [];
  if (notEnglish) feedback.push(MESSAGES.notEnglish);
  if (keywordList) feedback.push(MESSAGES.keywordList);
  if (repetitive) feedback.push(MESSAGES.repetitive);
  if (copied) feedback.push(MESSAGES.copied);
  feedback.push(score >= q.points ? MESSAGES.full : score > 0 ? MESSAGES.partial : MESSAGES.none);
  feedback.push(...notes);

  const result: GradeResult = {
    ...base,
    score,
    needsReview: reasons.length > 0,
    reviewReasons: reasons,
    criteria,
    feedback,
  };
  const hint = score < q.points ? hintFor(q) : undefined;
  if (hint) result.hint = hint;
  return result;
}

/** "It's not because they don't know": a reason named in order to deny it. */
const DENIED_REASON = /\b(?:not|n't|never)\s+(?:just\s+|only\s+|really\s+|simply\s+)?(?:because|since|cause|that)\b/i;

/** The `none:` concepts of a criterion's conditions: ideas that void a credit in the same sentence. */
function voidingConcepts(rule: CriterionRubric): Set<string> {
  const out = new Set<string>();
  const conds = [...(rule.any ?? []), ...Object.values(rule.kinds ?? {}).flat()];
  for (const c of conds) if (typeof c !== 'string') for (const r of c.none) out.add(parseRef(r).concept);
  return out;
}

/**
 * Confidence check on the credits themselves, for answers with no other reason
 * to be reviewed. Returns a review reason when a grade rests on evidence that
 * was, on the tuning fixtures, behind confident-but-wrong grades:
 *  - shared-evidence: one criterion has no words of its own, every match that
 *    earned it overlaps a match (of another concept) that earned a different
 *    criterion or kind: the student said one thing, the rubric read two ideas;
 *  - denied-reason: a credited sentence names a reason in order to deny it
 *    ("It's not because they don't know, ...");
 *  - voiding-concept: a credited idea sits in a sentence with a concept that
 *    voids it under another of the criterion's conditions (`none:`), e.g. a
 *    website reason next to "Tekushev's Caucasus Times";
 *  - restates-prompt: points earned by an answer made only of the prompt's words;
 *  - thin-question: full marks for questions where a counted question has at
 *    most one content word ("Can they be trusted?"), maybe too vague or a rewording.
 */
function lowConfidence(
  rubric: TextQuestionRubric,
  text: string,
  analysis: Analysis,
  matches: readonly ConceptMatch[],
  criteria: readonly CriterionResult[],
  credited: ReadonlyMap<string, ConceptMatch[]>,
  prompt: string,
): string | undefined {
  const covers = (x: readonly ConceptMatch[], y: readonly ConceptMatch[]): boolean =>
    y.every((m) => x.some((o) => o.concept !== m.concept && o.words.some((w) => m.words.includes(w))));
  const earned = [...credited.values()];
  for (let i = 0; i < earned.length; i++)
    for (let j = i + 1; j < earned.length; j++) {
      const a = earned[i] ?? [];
      const b = earned[j] ?? [];
      if (covers(a, b) || covers(b, a)) return 'shared-evidence';
    }

  const creditedSentences = new Set(earned.flat().map((m) => m.sentence));
  for (const sn of creditedSentences) {
    const sent = analysis.sentences[sn];
    if (sent && DENIED_REASON.test(text.slice(sent.start, sent.end))) return 'denied-reason';
  }

  for (const [key, hits] of credited) {
    const rule = rubric.criteria[key.split('#')[0] ?? key];
    if (!rule) continue;
    const voiding = voidingConcepts(rule);
    const sentences = new Set(hits.map((m) => m.sentence));
    if (matches.some((m) => voiding.has(m.concept) && !m.negated && sentences.has(m.sentence))) return 'voiding-concept';
  }

  if (criteria.some((c) => c.score > 0)) {
    const promptWords = new Set(analyze(prompt).words.map((w) => w.lower));
    const words = analysis.words.filter((w) => /\p{L}/u.test(w.lower));
    if (words.length >= 4 && words.every((w) => promptWords.has(w.lower))) return 'restates-prompt';
  }

  for (const c of criteria) {
    if (!rubric.criteria[c.id]?.questions || c.score < c.maxScore) continue;
    for (const e of c.evidence) {
      const content = analysis.words.filter(
        (w) =>
          w.start >= e.start && w.end <= e.end && /\p{L}/u.test(w.lower) && w.lower.length > 2 && !GENERIC.has(w.lower) && !STOP.has(w.lower),
      );
      if (content.length <= 1) return 'thin-question';
    }
  }
  return undefined;
}
