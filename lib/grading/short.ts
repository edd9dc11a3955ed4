/**
 * Grades `short` numeric answers ("7", "seven", "7 attacks", "about 7").
 * A hedged right number still counts, with a note that the article states it
 * exactly; any other number, or two different numbers, scores 0.
 */
import type { ShortQuestion } from '../content/schema';
import type { TextAnswer } from './answers';
import type { GradeResult } from './types';
import { emptyResult, finish } from './result';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const VAGUE = /\b(dozens?|hundreds?|thousands?|several|many|a few|some|scores)\b/i;
const HEDGE = /\b(about|around|approximately|approx\.?|roughly|nearly|almost|circa|ca\.|maybe|probably|approaching|like|some|estimated)\b|~|≈/i;

/** Every number written in the text, as digits or English number words (up to 99). */
export function extractNumbers(text: string): number[] {
  const out: number[] = [];
  const tokens = text.toLowerCase().match(/\d+(?:[.,]\d+)?|[a-z]+/g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (/^\d/.test(t)) {
      out.push(Number(t.replace(',', '.')));
    } else if (TENS[t] !== undefined) {
      const next = tokens[i + 1];
      const unit = next !== undefined ? UNITS[next] : undefined;
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push(TENS[t] + unit);
        i++;
      } else out.push(TENS[t]);
    } else if (UNITS[t] !== undefined) out.push(UNITS[t]);
  }
  return out;
}

export function gradeShort(question: ShortQuestion, answer: TextAnswer): GradeResult {
  const text = answer.text.trim().slice(0, 200);
  if (!text) return emptyResult(question, 'Type your answer first.');
  const numbers = [...new Set(extractNumbers(text))];
  const base = { questionId: question.id, maxScore: question.points, reviewReasons: [] as string[] };
  if (numbers.length === 0) {
    const feedback = VAGUE.test(text) ? [`"${text}" is not a number. ${question.feedback.incorrect}`] : [question.feedback.noNumber];
    return finish(question, { ...base, score: 0, needsReview: false, feedback });
  }
  if (numbers.length > 1) {
    return finish(question, { ...base, score: 0, needsReview: false, feedback: ['Give one number only.', question.feedback.incorrect] });
  }
  if (numbers[0] !== question.expected.number) {
    return finish(question, { ...base, score: 0, needsReview: false, feedback: [question.feedback.incorrect] });
  }
  const hedged = HEDGE.test(text);
  return finish(question, {
    ...base,
    score: question.points,
    needsReview: false,
    feedback: [hedged ? question.feedback.approximate : question.feedback.correct],
  });
}
