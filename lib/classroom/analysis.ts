/**
 * Item analysis for one assignment (pure): per question, how many answered,
 * the average effective score, the score distribution, the most common wrong
 * choices (choice), the most common wrong categories per item (classify) and
 * the rubric criteria most often missed (text). Works as an accumulator, so
 * the database layer can feed responses in batches and never hold them all.
 * Labels come from the public exercise; correctness from the stored automatic
 * grade (`parts`), so no answer key is needed here.
 */
import type { PublicQuestion } from '../content/public';
import type { PartVerdict } from '../grading/types';
import { effectiveGrade, type AutoScore, type TeacherGrade } from './scoring';

export interface AnalysisResponse {
  questionId: string;
  answer: unknown;
  auto: (AutoScore & { parts?: PartVerdict[] }) | null;
  teacher: TeacherGrade | null;
}

export interface ScoreCount {
  score: number;
  count: number;
}

export interface QuestionAnalysis {
  questionId: string;
  /** 1-based position in the exercise ("Question 3"). */
  number: number;
  kind: PublicQuestion['kind'];
  prompt: string;
  maxScore: number;
  /** Responses with a non-empty answer; averages and distributions count only these. */
  answered: number;
  average: number | null;
  /** Average as a percentage of maxScore, rounded to a whole number. */
  averagePercent: number | null;
  /** One entry per whole score 0..max (plus any other score that occurred), ascending. */
  distribution: ScoreCount[];
  wrongChoices?: { id: string; text: string; count: number }[];
  wrongCategories?: { itemId: string; itemText: string; wrongCount: number; wrong: { categoryId: string; label: string; count: number }[] }[];
  missedCriteria?: { id: string; label: string; missed: number; percent: number }[];
}

/** Whether a stored answer says anything (empty answers are not "answered"). */
export function isAnswered(kind: PublicQuestion['kind'], raw: unknown): boolean {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const a = raw as Record<string, unknown>;
  switch (kind) {
    case 'choice':
      return Array.isArray(a.choice) && a.choice.length > 0;
    case 'classify':
      return !!a.assignments && typeof a.assignments === 'object' && Object.values(a.assignments).some((v) => typeof v === 'string' && v !== '');
    case 'highlight':
      return typeof a.quote === 'string' && a.quote.trim() !== '';
    case 'short':
    case 'text':
      return typeof a.text === 'string' && a.text.trim() !== '';
  }
}

interface Acc {
  q: PublicQuestion;
  number: number;
  answered: number;
  sum: number;
  scores: Map<number, number>;
  wrongChoices: Map<string, number>;
  /** itemId → categoryId → count */
  wrongCategories: Map<string, Map<string, number>>;
  missed: Map<string, number>;
  /** Responses that had criteria to judge (denominator for "% missed"). */
  criteriaJudged: number;
}

const inc = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

export interface ItemAnalysis {
  add(response: AnalysisResponse): void;
  results(): QuestionAnalysis[];
}

/** Start an analysis over the exercise's questions (in exercise order). */
export function createItemAnalysis(questions: readonly PublicQuestion[]): ItemAnalysis {
  const accs = new Map<string, Acc>();
  questions.forEach((q, i) =>
    accs.set(q.id, {
      q,
      number: i + 1,
      answered: 0,
      sum: 0,
      scores: new Map(),
      wrongChoices: new Map(),
      wrongCategories: new Map(),
      missed: new Map(),
      criteriaJudged: 0,
    }),
  );

  return {
    add(r) {
      const acc = accs.get(r.questionId);
      if (!acc || !isAnswered(acc.q.kind, r.answer)) return;
      const g = effectiveGrade(r.auto, r.teacher, { maxScore: acc.q.points });
      acc.answered++;
      acc.sum += g.score;
      inc(acc.scores, g.score);
      const parts = new Map((r.auto?.parts ?? []).map((p) => [p.id, p.correct]));
      const a = r.answer as Record<string, unknown>;
      if (acc.q.kind === 'choice' && Array.isArray(a.choice)) {
        for (const id of new Set(a.choice)) if (typeof id === 'string' && parts.get(id) === false) inc(acc.wrongChoices, id);
      }
      if (acc.q.kind === 'classify' && a.assignments && typeof a.assignments === 'object') {
        for (const [itemId, cat] of Object.entries(a.assignments as Record<string, unknown>)) {
          if (typeof cat !== 'string' || cat === '' || parts.get(itemId) !== false) continue;
          const m = acc.wrongCategories.get(itemId) ?? new Map<string, number>();
          inc(m, cat);
          acc.wrongCategories.set(itemId, m);
        }
      }
      if (acc.q.kind === 'text' && g.criteria.length > 0) {
        acc.criteriaJudged++;
        for (const c of g.criteria) if (c.effective < c.maxScore) inc(acc.missed, c.id);
      }
    },

    results() {
      return [...accs.values()].map((acc) => {
        const q = acc.q;
        const average = acc.answered > 0 ? acc.sum / acc.answered : null;
        const dist = new Map<number, number>();
        for (let s = 0; s <= q.points; s++) dist.set(s, 0);
        for (const [s, n] of acc.scores) inc(dist, s, n);
        const out: QuestionAnalysis = {
          questionId: q.id,
          number: acc.number,
          kind: q.kind,
          prompt: q.prompt,
          maxScore: q.points,
          answered: acc.answered,
          average,
          averagePercent: average === null || q.points === 0 ? null : Math.round((average / q.points) * 100),
          distribution: [...dist.entries()].sort((x, y) => x[0] - y[0]).map(([score, count]) => ({ score, count })),
        };
        if (q.kind === 'choice') {
          const text = new Map(q.options.map((o) => [o.id, o.text]));
          out.wrongChoices = [...acc.wrongChoices.entries()]
            .map(([id, count]) => ({ id, text: text.get(id) ?? id, count }))
            .sort((x, y) => y.count - x.count || x.text.localeCompare(y.text));
        }
        if (q.kind === 'classify') {
          const label = new Map(q.categories.map((c) => [c.id, c.label]));
          out.wrongCategories = q.items
            .map((item) => {
              const m = acc.wrongCategories.get(item.id) ?? new Map<string, number>();
              const wrong = [...m.entries()]
                .map(([categoryId, count]) => ({ categoryId, label: label.get(categoryId) ?? categoryId, count }))
                .sort((x, y) => y.count - x.count || x.label.localeCompare(y.label));
              return { itemId: item.id, itemText: item.text, wrongCount: wrong.reduce((s, w) => s + w.count, 0), wrong };
            })
            .filter((x) => x.wrongCount > 0)
            .sort((x, y) => y.wrongCount - x.wrongCount);
        }
        if (q.kind === 'text') {
          out.missedCriteria = q.criteria
            .map((c) => {
              const missed = acc.missed.get(c.id) ?? 0;
              return { id: c.id, label: c.label, missed, percent: acc.criteriaJudged ? Math.round((missed / acc.criteriaJudged) * 100) : 0 };
            })
            .sort((x, y) => y.missed - x.missed);
        }
        return out;
      });
    },
  };
}

/** Analyse a list of responses at once (tests, small assignments). */
export function analyzeResponses(questions: readonly PublicQuestion[], responses: Iterable<AnalysisResponse>): QuestionAnalysis[] {
  const a = createItemAnalysis(questions);
  for (const r of responses) a.add(r);
  return a.results();
}
