/**
 * One entry point for grading any answer to any question: validates the raw
 * answer JSON against the question kind's schema, then calls that kind's
 * grader. Used by the reader's check endpoint, the `npm run grade` CLI and, in
 * the classroom, for stored responses — so the same answer always gets the same
 * grade. Never throws for bad answers: they score 0 with a clear message.
 */
import type { Question } from '../content/schema';
import type { ArticleText } from '../content/article-text';
import type { TextRubricFile } from './text/rubric-schema';
import { choiceAnswerSchema, classifyAnswerSchema, highlightAnswerSchema, textAnswerSchema } from './answers';
import type { GradeResult } from './types';
import { gradeChoice } from './choice';
import { gradeClassify } from './classify';
import { gradeHighlight } from './highlight';
import { gradeShort } from './short';
import { gradeText } from './text';
import { emptyResult } from './result';

export interface GradingContext {
  articleText: ArticleText;
  rubric?: TextRubricFile;
  /**
   * Article text outside the numbered body that students may quote verbatim
   * in free-written answers: the headline and the photo caption / credit.
   */
  quotableText?: string[];
}

/** The headline, caption and credit of an article: what `GradingContext.quotableText` expects. */
export function quotableTextOf(article: { headline: string; image?: { caption: string; credit?: string } | undefined }): string[] {
  const out = [article.headline];
  if (article.image) {
    out.push(article.image.caption);
    if (article.image.credit) out.push(article.image.credit, `${article.image.caption} (Source: ${article.image.credit})`);
  }
  return out;
}

const FORMAT_HELP: Record<Question['kind'], string> = {
  choice: 'expected {"choice": ["<optionId>", ...]}',
  highlight: 'expected {"quote": "...", "prefix"?: "...", "suffix"?: "..."}',
  classify: 'expected {"assignments": {"<itemId>": "<categoryId>", ...}}',
  short: 'expected {"text": "..."}',
  text: 'expected {"text": "..."}',
};

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0);
}

export function gradeAnswer(question: Question, raw: unknown, ctx: GradingContext): GradeResult {
  if (isEmpty(raw)) return emptyResult(question, 'No answer yet.');
  const malformed = () => emptyResult(question, `This answer could not be read (${FORMAT_HELP[question.kind]}).`);
  switch (question.kind) {
    case 'choice': {
      const a = choiceAnswerSchema.safeParse(raw);
      return a.success ? gradeChoice(question, a.data) : malformed();
    }
    case 'classify': {
      const a = classifyAnswerSchema.safeParse(raw);
      return a.success ? gradeClassify(question, a.data) : malformed();
    }
    case 'highlight': {
      const a = highlightAnswerSchema.safeParse(raw);
      return a.success ? gradeHighlight(question, a.data, ctx.articleText) : malformed();
    }
    case 'short': {
      const a = textAnswerSchema.safeParse(raw);
      return a.success ? gradeShort(question, a.data) : malformed();
    }
    case 'text': {
      const a = textAnswerSchema.safeParse(raw);
      if (!a.success) return malformed();
      const rubric = ctx.rubric?.questions[question.id];
      if (!rubric) {
        return { ...emptyResult(question, 'This question cannot be checked automatically; your teacher will read it.'), needsReview: true, reviewReasons: ['no-rubric'] };
      }
      return gradeText(question, rubric, a.data, ctx.articleText, { quotableText: ctx.quotableText ?? [] });
    }
  }
}

/** Find a question by id across an exercise's sections. */
export function findQuestion(sections: readonly { questions: readonly Question[] }[], id: string): Question | undefined {
  for (const s of sections) for (const q of s.questions) if (q.id === id) return q;
  return undefined;
}
