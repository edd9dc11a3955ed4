/**
 * Reads a content folder from disk: one sub-folder per article, holding
 * `article.md`, optionally `exercise.yaml` and, when the exercise has text
 * questions, `rubric.yaml`. Returns everything it could load plus every
 * problem found, so the checker can list all problems at once and the app can
 * refuse to start on invalid content. No caching here (see load.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Article, Exercise } from './schema';
import { parseArticle, parseExercise, parseYamlFile, zodProblems, type ContentProblem } from './parse';
import { validateExerciseAgainstArticle, validateRubric } from './validate';
import { textRubricFileSchema, type TextRubricFile } from '../grading/text/rubric-schema';

export interface ContentBundle {
  dir: string;
  article: Article;
  exercise?: Exercise;
  rubric?: TextRubricFile;
}

export interface ContentLoad {
  bundles: ContentBundle[];
  problems: ContentProblem[];
}

// The content folder is read at run time; next.config.ts ships it with the server build
// (outputFileTracingIncludes), so the bundler need not trace these dynamic paths.
export const DEFAULT_CONTENT_DIR = path.join(process.cwd(), 'content');

function read(file: string, problems: ContentProblem[]): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    problems.push({ file, path: '', message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    return undefined;
  }
}

export function loadContentFolder(dir: string): { bundle?: ContentBundle; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f)) || f;
  const articleFile = rel('article.md');
  const src = read(path.join(dir, 'article.md'), problems);
  if (src === undefined) return { problems };
  const article = parseArticle(articleFile, src);
  if (!article.ok) return { problems: article.problems };
  if (path.basename(dir) !== article.value.slug)
    problems.push({ file: articleFile, path: 'slug', message: `slug "${article.value.slug}" must match the folder name "${path.basename(dir)}"` });
  const bundle: ContentBundle = { dir, article: article.value };

  const exercisePath = ['exercise.yaml', 'exercise.yml'].map((f) => path.join(/*turbopackIgnore: true*/ dir, f)).find((f) => fs.existsSync(f));
  if (exercisePath) {
    const exFile = rel(path.basename(exercisePath));
    const exSrc = read(exercisePath, problems);
    if (exSrc !== undefined) {
      const ex = parseExercise(exFile, exSrc);
      if (!ex.ok) problems.push(...ex.problems);
      else {
        problems.push(...validateExerciseAgainstArticle(exFile, ex.value, article.value));
        bundle.exercise = ex.value;
        const hasText = ex.value.sections.some((s) => s.questions.some((q) => q.kind === 'text'));
        const rubricPath = path.join(dir, 'rubric.yaml');
        if (fs.existsSync(rubricPath)) {
          const rFile = rel('rubric.yaml');
          const rSrc = read(rubricPath, problems);
          const y = rSrc === undefined ? undefined : parseYamlFile(rFile, rSrc);
          if (y && !y.ok) problems.push(...y.problems);
          else if (y) {
            const r = textRubricFileSchema.safeParse(y.value ?? {});
            if (!r.success) problems.push(...zodProblems(rFile, r.error));
            else {
              problems.push(...validateRubric(rFile, r.data, ex.value, article.value));
              bundle.rubric = r.data;
            }
          }
        } else if (hasText) {
          problems.push({ file: rel('rubric.yaml'), path: '', message: 'the exercise has text questions but the folder has no rubric.yaml' });
        }
      }
    }
  }
  return { bundle, problems };
}

export function loadContent(root: string = DEFAULT_CONTENT_DIR): ContentLoad {
  const problems: ContentProblem[] = [];
  const bundles: ContentBundle[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync(/*turbopackIgnore: true*/ root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return { bundles, problems: [{ file: root, path: '', message: 'content folder not found' }] };
  }
  const exerciseIds = new Map<string, string>();
  for (const name of entries) {
    const r = loadContentFolder(path.join(/*turbopackIgnore: true*/ root, name));
    problems.push(...r.problems);
    if (!r.bundle) continue;
    const exId = r.bundle.exercise?.id;
    if (exId) {
      const other = exerciseIds.get(exId);
      if (other) problems.push({ file: path.join(name, 'exercise.yaml'), path: 'id', message: `exercise id "${exId}" is also used in ${other}` });
      exerciseIds.set(exId, name);
    }
    bundles.push(r.bundle);
  }
  if (bundles.length === 0 && problems.length === 0) problems.push({ file: root, path: '', message: 'no articles found' });
  return { bundles, problems };
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}${p.path ? ` › ${p.path}` : ''}: ${p.message}`;
}
