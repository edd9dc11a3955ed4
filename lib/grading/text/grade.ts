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
import { analyze, type Analysis } from './normalize';
import { matchConcepts, type ConceptMatch } from './matcher';
import { detectCopiedText, detectKeywordList, detectNotEnglish, detectRepetition, detectSelfCorrection } from './signals';
import { checkQuotes, normalizeForQuote } from './quotes';
import { sameQuestion, splitSegments } from './questions';

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
): Scored {
  const counted: { kinds: Set<string>; words: Set<string> }[] = [];
  const evidence: EvidenceSpan[] = [];
  let uncounted = 0;
  for (const seg of splitSegments(text)) {
    if (!seg.isQuestion) continue;
    const inSeg = matches.filter((m) => m.start >= seg.start && m.end <= seg.end);
    // Sentence ids may differ from our segments; treat the segment as one sentence.
    const asOne = inSeg.map((m) => ({ ...m, sentence: 0 }));
    const hit = firstHolding(rule.about, asOne);
    if (!hit) {
      uncounted++;
      continue;
    }
    const kinds = new Set(hit.map((m) => m.concept));
    const covered = new Set(inSeg.flatMap((m) => m.words));
    const words = new Set<string>();
    analysis.words.forEach((w, i) => {
      if (w.start >= seg.start && w.end <= seg.end && !covered.has(i) && w.lower.length > 3 && !STOP.has(w.lower))
        words.add(w.lemma);
    });
    const sig = { kinds, words };
    if (counted.some((c) => sameQuestion(c, sig))) {
      uncounted++;
      continue;
    }
    counted.push(sig);
    evidence.push({ start: seg.start, end: seg.end });
  }
  const score = Math.min(points, counted.length);
  // A question not counted (off-topic or a rewording) is a judgment call when it cost a point.
  return { score, evidence, doubtful: uncounted > 0 && score < points };
}

const STOP = new Set(
  'what which where when have does there that this they them their about would could should with from were been into your will whose'.split(' '),
);

/**
 * A sentence of at least `minWords` words that earned nothing: with points
 * still missing, it may say something right in words the rubric does not know.
 */
function hasUnusedSentence(analysis: Analysis, evidence: readonly EvidenceSpan[], minWords: number): boolean {
  const counts = new Map<number, number>();
  const used = new Set<number>();
  for (const w of analysis.words) {
    counts.set(w.sentence, (counts.get(w.sentence) ?? 0) + 1);
    if (evidence.some((e) => w.start < e.end && w.end > e.start)) used.add(w.sentence);
  }
  for (const [sentence, n] of counts) if (n >= minWords && !used.has(sentence)) return true;
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

/**
 * Grade a free-written answer. Never throws: anything unexpected becomes a
 * zero score flagged for a teacher ("grader-error").
 */
export function gradeText(
  question: TextQuestion,
  rubric: TextQuestionRubric,
  answer: TextAnswer,
  article: ArticleText,
): GradeResult {
  try {
    return gradeUnsafe(question, rubric, answer, article);
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

function gradeUnsafe(q: TextQuestion, rubric: TextQuestionRubric, answer: TextAnswer, article: ArticleText): GradeResult {
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

  let doubtful = false;
  const criteria: CriterionResult[] = q.criteria.map((c) => {
    const rule = rubric.criteria[c.id];
    let scored: Scored = { score: 0, evidence: [] };
    if (rule && !(noReasoning && rule.type === 'reasoning') && !copied) {
      const usable = rule.type === 'reasoning' ? listClaims : standing;
      if (rule.any) {
        const hit = firstHolding(rule.any, usable);
        if (hit) scored = { score: c.points, evidence: spansOf(hit) };
      } else if (rule.kinds) {
        const hits = Object.values(rule.kinds)
          .map((conds) => firstHolding(conds, usable))
          .filter((h): h is ConceptMatch[] => h !== null);
        scored = { score: Math.min(c.points, hits.length), evidence: spansOf(hits.flat()) };
      } else if (rule.questions) {
        // A question asked stays asked, whatever the student says next.
        scored = scoreQuestions(rule.questions, c.points, text, analysis, keywordList ? listClaims : matches);
      }
      if (scored.score > 0 && rule.unless.length && firstHolding(rule.unless, usable)) scored = { score: 0, evidence: [] };
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

  for (const qc of checkQuotes(text, article, [q.prompt])) {
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
  if (score === 0 && reasons.length === 0 && analysis.words.length >= rubric.substantiveWords) {
    reasons.push('unmatched-substantive');
  } else if (
    score < q.points &&
    reasons.length === 0 &&
    hasUnusedSentence(analysis, criteria.flatMap((c) => c.evidence), rubric.substantiveWords - 2)
  ) {
    // Something is missing and a whole sentence matched nothing: maybe a
    // paraphrase the rubric does not know yet. A teacher should look.
    reasons.push('unmatched-sentence');
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
