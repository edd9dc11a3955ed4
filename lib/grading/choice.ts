/**
 * Grades `choice` questions. Single choice: full points for the one right
 * option. Multiple choice: "plus-minus" (+1 per right option, -1 per wrong one,
 * floor 0, as the spec requires for other-sources) or all-or-nothing.
 */
import type { ChoiceQuestion } from '../content/schema';
import type { ChoiceAnswer } from './answers';
import type { GradeResult, PartVerdict } from './types';
import { emptyResult, finish } from './result';

export function gradeChoice(question: ChoiceQuestion, answer: ChoiceAnswer): GradeResult {
  const chosen = [...new Set(answer.choice)];
  if (chosen.length === 0) return emptyResult(question, 'Choose an answer first.');
  const byId = new Map(question.options.map((o) => [o.id, o]));
  const unknown = chosen.filter((id) => !byId.has(id));
  if (unknown.length > 0) return emptyResult(question, `Unknown option: ${unknown.join(', ')}. Choose from the options shown.`);
  if (!question.multiple && chosen.length > 1) return emptyResult(question, 'Choose only one answer.');

  const parts: PartVerdict[] = chosen.map((id) => {
    const o = byId.get(id)!;
    return { id, correct: o.correct, feedback: o.feedback };
  });
  const right = parts.filter((p) => p.correct).length;
  const wrong = parts.length - right;
  const totalCorrect = question.options.filter((o) => o.correct).length;

  let score: number;
  if (!question.multiple) score = right === 1 ? question.points : 0;
  else if (question.scoring === 'plus-minus') score = Math.max(0, right - wrong);
  else score = right === totalCorrect && wrong === 0 ? question.points : 0;
  score = Math.min(score, question.points);

  const feedback: string[] = [];
  if (question.multiple) {
    if (score === question.points) feedback.push(`All ${totalCorrect} right, and nothing wrong selected.`);
    else {
      const missing = totalCorrect - right;
      const bits: string[] = [];
      if (right > 0) bits.push(`${right} of your choices ${right === 1 ? 'is' : 'are'} right`);
      if (wrong > 0) bits.push(`${wrong} ${wrong === 1 ? 'is' : 'are'} not (each wrong choice takes a point off)`);
      if (missing > 0) bits.push(`${missing} right ${missing === 1 ? 'answer is' : 'answers are'} still missing`);
      feedback.push(capitalise(bits.join('; ')) + '.');
    }
  }
  for (const p of parts) if (p.feedback) feedback.push(p.feedback);
  return finish(question, { questionId: question.id, score, maxScore: question.points, needsReview: false, reviewReasons: [], parts, feedback });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
