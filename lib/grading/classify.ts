/**
 * Grades `classify` questions: one point per item put in an accepted category.
 * Unassigned items score 0 (spec), and are named so the student can finish.
 */
import type { ClassifyQuestion } from '../content/schema';
import type { ClassifyAnswer } from './answers';
import type { GradeResult, PartVerdict } from './types';
import { emptyResult, finish } from './result';

export function gradeClassify(question: ClassifyQuestion, answer: ClassifyAnswer): GradeResult {
  const categories = new Set(question.categories.map((c) => c.id));
  const assigned = question.items.filter((i) => answer.assignments[i.id] !== undefined && answer.assignments[i.id] !== '');
  if (assigned.length === 0) return emptyResult(question, 'Sort at least one item first.');

  const parts: PartVerdict[] = [];
  let unassigned = 0;
  for (const item of question.items) {
    const cat = answer.assignments[item.id];
    if (cat === undefined || cat === '') {
      unassigned++;
      parts.push({ id: item.id, correct: false, feedback: 'Not sorted yet.' });
      continue;
    }
    const correct = categories.has(cat) && item.answer.includes(cat);
    parts.push({ id: item.id, correct, feedback: correct ? item.feedback : wrongFeedback(item.feedback) });
  }
  const score = parts.filter((p) => p.correct).length;
  const feedback = [`${score} of ${question.items.length} sorted correctly.`];
  if (unassigned > 0) feedback.push(`${unassigned} ${unassigned === 1 ? 'item is' : 'items are'} not sorted yet and score 0.`);
  return finish(question, { questionId: question.id, score, maxScore: question.points, needsReview: false, reviewReasons: [], parts, feedback });
}

/** For a wrong item, point to the evidence without stating the key outright. */
function wrongFeedback(itemFeedback: string | undefined): string {
  return itemFeedback ? `Not quite. Check again: ${lowerFirst(pointer(itemFeedback))}` : 'Not quite. Check the text again.';
}
/** The paragraph reference in the item's feedback, e.g. "(paragraph 6)" → "look at paragraph 6." */
function pointer(feedback: string): string {
  const m = feedback.match(/paragraph (\d+)/i);
  return m ? `look at paragraph ${m[1]}.` : 'reread the sentence in the article.';
}
function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
