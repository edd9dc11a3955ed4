/**
 * `npm run grade -- --exercise <id> [FILE]` — the grading CLI contract of
 * shared/exercise-spec.md: JSON Lines in (FILE or stdin), one JSON line out per
 * input line in the same order; a bad line yields {"id", "error"} and the run
 * goes on. Exit 0 unless the exercise is unknown or content is invalid (2), or
 * the arguments are wrong (64).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { z } from 'zod';
import { getExercise } from '../lib/content/load';
import { findQuestion, gradeAnswer, quotableTextOf } from '../lib/grading/grade';
import type { GradeResult } from '../lib/grading/types';

const USAGE = 'usage: npm run grade -- --exercise <exercise-id> [FILE]   (JSON Lines on FILE or standard input)';

export const responseLineSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  questionId: z.string({ error: 'questionId is required' }),
  answer: z.unknown(),
});

function parseArgs(argv: string[]): { exercise?: string; file?: string; error?: string } {
  const out: { exercise?: string; file?: string; error?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--exercise' || a === '-e') out.exercise = argv[++i];
    else if (a.startsWith('--exercise=')) out.exercise = a.slice('--exercise='.length);
    else if (a === '--help' || a === '-h') out.error = '';
    else if (a.startsWith('-') && a !== '-') out.error = `unknown option ${a}`;
    else if (out.file === undefined) out.file = a;
    else out.error = `unexpected argument ${a}`;
  }
  return out;
}

/** Grade one input line; never throws. */
export function gradeLine(line: string, loaded: NonNullable<ReturnType<typeof getExercise>>): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { id: null, error: `line is not valid JSON: ${(e as Error).message}` };
  }
  const id = json && typeof json === 'object' && 'id' in json ? (json as { id: unknown }).id ?? null : null;
  const parsed = responseLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { id, error: `invalid response line: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
  }
  const question = findQuestion(loaded.exercise.sections, parsed.data.questionId);
  if (!question) return { id, questionId: parsed.data.questionId, error: `unknown questionId "${parsed.data.questionId}" in exercise "${loaded.exercise.id}"` };
  let r: GradeResult;
  try {
    r = gradeAnswer(question, parsed.data.answer, { articleText: loaded.articleText, rubric: loaded.rubric, quotableText: quotableTextOf(loaded.article) });
  } catch (e) {
    return { id, questionId: question.id, error: `grading failed: ${(e as Error).message}` };
  }
  const out: Record<string, unknown> = { id, questionId: r.questionId, score: r.score, maxScore: r.maxScore, needsReview: r.needsReview };
  if (r.criteria) out.criteria = r.criteria.map((c) => ({ id: c.id, score: c.score, maxScore: c.maxScore }));
  out.feedback = r.hint ? [...r.feedback, r.hint] : r.feedback;
  if (r.reviewReasons.length > 0) out.reviewReasons = r.reviewReasons;
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.error !== undefined || !args.exercise) {
    console.error(args.error ? `grade: ${args.error}\n${USAGE}` : USAGE);
    process.exit(64);
  }
  let loaded;
  try {
    loaded = getExercise(args.exercise);
  } catch (e) {
    console.error(`grade: ${(e as Error).message}`);
    process.exit(2);
  }
  if (!loaded) {
    console.error(`grade: unknown exercise "${args.exercise}"`);
    process.exit(2);
  }
  let input: NodeJS.ReadableStream;
  if (args.file && args.file !== '-') {
    if (!fs.existsSync(args.file)) {
      console.error(`grade: cannot read ${args.file}: no such file`);
      process.exit(66);
    }
    input = fs.createReadStream(args.file, 'utf8');
  } else input = process.stdin;
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const ok = process.stdout.write(JSON.stringify(gradeLine(line.replace(/^\uFEFF/, ''), loaded)) + '\n');
    if (!ok) await new Promise((r) => process.stdout.once('drain', r));
  }
}

if (process.argv[1] && /grade\.ts$/.test(process.argv[1])) void main();
