/**
 * `npm run content:check [DIR]`: validates every article, exercise and rubric
 * under content/ (or DIR) and prints each problem as
 *   file › path.inside.file: what is wrong
 * Exits 1 when anything is wrong, so the build and CI stop on bad content.
 */
import path from 'node:path';
import { loadContent, formatProblem } from '../lib/content/repository';

const root = path.resolve(process.argv[2] ?? 'content');
const { bundles, problems } = loadContent(root);
if (problems.length > 0) {
  console.error(`Content check failed: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${root}`);
  for (const p of problems) console.error(`  ✗ ${formatProblem(p)}`);
  process.exit(1);
}
for (const b of bundles) {
  const questions = b.exercise?.sections.flatMap((s) => s.questions) ?? [];
  const points = questions.reduce((t, q) => t + q.points, 0);
  console.log(
    `  ✓ ${path.relative(process.cwd(), b.dir)}: article "${b.article.slug}" (${b.article.paragraphs.length} paragraphs, ${b.article.glossary.length} glossary terms)` +
      (b.exercise ? `, exercise "${b.exercise.id}" (${questions.length} questions, ${points} points)` : ', no exercise'),
  );
}
console.log(`Content check passed: ${bundles.length} article${bundles.length === 1 ? '' : 's'}.`);
