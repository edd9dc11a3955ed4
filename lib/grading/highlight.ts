/**
 * Grades `highlight` questions: the student's selection (a W3C text quote) is
 * anchored in the article body and must contain the key span and be at most
 * `maxWords` words long. Feedback distinguishes "wrong place", "right place but
 * missing the key word" and "too long", because those need different help.
 */
import type { HighlightQuestion } from '../content/schema';
import type { ArticleText } from '../content/article-text';
import { paragraphAt } from '../content/article-text';
import { anchorQuote } from '../anchoring/text-quote';
import type { HighlightAnswer } from './answers';
import type { GradeResult } from './types';
import { emptyResult, finish } from './result';

export function countWords(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function gradeHighlight(question: HighlightQuestion, answer: HighlightAnswer, article: ArticleText): GradeResult {
  if (!answer.quote.trim()) return emptyResult(question, 'Select some words in the article first.');
  const key = anchorQuote(article.body, question.key);
  const sel = anchorQuote(article.body, answer);
  const base = { questionId: question.id, maxScore: question.points, needsReview: false, reviewReasons: [] as string[] };
  if (!key) {
    // Content check guarantees this cannot happen with valid content; never crash if it does.
    return { ...base, score: 0, needsReview: true, reviewReasons: ['key-not-found'], feedback: ['This question cannot be checked automatically right now.'] };
  }
  if (!sel) {
    return finish(question, { ...base, score: 0, feedback: ['Your selection was not found in the article. Select words in the article text itself.'] });
  }
  const words = countWords(article.body.slice(sel.start, sel.end));
  const contains = sel.start <= key.start && sel.end >= key.end;
  const keyParagraph = paragraphAt(article, key.start);
  const samePlace = paragraphAt(article, sel.start) === keyParagraph || paragraphAt(article, sel.end - 1) === keyParagraph;
  const nearKey = samePlace && sel.end > key.start - 120 && sel.start < key.end + 120;

  let score = 0;
  let message: string;
  if (contains && words <= question.key.maxWords) {
    score = question.points;
    message = question.feedback.correct;
  } else if (contains) {
    message = question.feedback.tooLong;
  } else if (nearKey) {
    message = question.feedback.missingName;
  } else {
    message = question.feedback.wrongPlace;
  }
  const feedback = [message];
  if (sel.approximate) feedback.push('Your selection did not match the article exactly; it was matched to the closest words.');
  return finish(question, { ...base, score, feedback });
}
