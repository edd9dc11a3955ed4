/**
 * `npm run content:check <folder>` on deliberately broken content: each folder
 * under test/fixtures/content-broken/ is a minimal article (article.md,
 * exercise.yaml, rubric.yaml) with ONE problem, described in its README.md.
 * The checker must exit 1 and name the file and the field. The unbroken base
 * (test/fixtures/content-valid) must pass, so each case fails for its own
 * reason only. The real content/ folder is not involved.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const BROKEN = path.join(ROOT, 'test/fixtures/content-broken');

/** case → the file and the field (path inside the file, or what the message must say) the checker must name. */
const EXPECTED: Record<string, { file: string; field: string }> = {
  'yaml-syntax': { file: 'bridge-budget/exercise.yaml', field: 'line 6, column 12: invalid YAML' },
  'missing-field': { file: 'bridge-budget/article.md', field: 'headline: required field is missing' },
  'wrong-type': { file: 'bridge-budget/exercise.yaml', field: 'sections[0].questions[0].points: Invalid input: expected number' },
  'unknown-kind': { file: 'bridge-budget/exercise.yaml', field: 'sections[0].questions[0].kind:' },
  'highlight-key-missing': { file: 'bridge-budget/exercise.yaml', field: 'sections[0].questions[1].key.quote: highlight key "according to the national audit office"' },
  'rubric-criterion-missing': { file: 'bridge-budget/rubric.yaml', field: 'questions.why-doubt.criteria.reason: criterion "reason" has no match rules' },
  'quote-not-in-article': { file: 'bridge-budget/exercise.yaml', field: 'sections[0].questions[0].options[0].feedback: quoted text' },
  'duplicate-ids': { file: 'bridge-budget/exercise.yaml', field: 'sections[0].questions[1].id: duplicate question id "who-says"' },
  'points-mismatch': { file: 'bridge-budget/exercise.yaml', field: 'sections[0].questions[2].points: points (3) must equal' },
  'slug-folder-mismatch': { file: 'bridge-costs/article.md', field: 'slug: slug "bridge-budget" must match the folder name "bridge-costs"' },
  'empty-body': { file: 'bridge-budget/article.md', field: 'paragraphs: the article body has no paragraphs' },
  'article-mismatch': { file: 'bridge-budget/exercise.yaml', field: 'article: names article "some-other-article"' },
  'rubric-unknown-concept': { file: 'bridge-budget/rubric.yaml', field: 'questions.why-doubt.criteria.names-critics: unknown concept "critic-names"' },
  'rubric-file-missing': { file: 'bridge-budget/rubric.yaml', field: 'no rubric.yaml' },
  'paragraph-out-of-range': { file: 'bridge-budget/exercise.yaml', field: 'sections[0].questions[2].paragraphs[0]: paragraph 7 does not exist' },
  'unknown-field': { file: 'bridge-budget/article.md', field: 'author: unknown field "author"' },
  'no-front-matter': { file: 'bridge-budget/article.md', field: 'missing front matter' },
};

function contentCheck(dir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'content:check', '--', path.relative(ROOT, dir)], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** Run the checker on every folder, a few at a time (each is a Node process). */
async function runAll(dirs: string[], width = 4): Promise<Map<string, { code: number | null; out: string }>> {
  const results = new Map<string, { code: number | null; out: string }>();
  const queue = [...dirs];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let d = queue.shift(); d; d = queue.shift()) results.set(d, await contentCheck(d));
    }),
  );
  return results;
}

describe('content:check rejects broken content files, naming file and field', () => {
  const cases = fs.readdirSync(BROKEN, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  let results: Map<string, { code: number | null; out: string }>;

  beforeAll(async () => {
    results = await runAll([path.join(ROOT, 'test/fixtures/content-valid'), ...cases.map((c) => path.join(BROKEN, c))]);
  }, 180_000);

  it('has at least 10 cases, each with a README line and an expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(cases).toEqual(Object.keys(EXPECTED).sort());
    for (const c of cases) expect(fs.readFileSync(path.join(BROKEN, c, 'README.md'), 'utf8')).toMatch(/^# Broken content: /);
  });

  it('passes the unbroken base', () => {
    const r = results.get(path.join(ROOT, 'test/fixtures/content-valid'))!;
    expect(r.out).toContain('Content check passed: 1 article.');
    expect(r.code).toBe(0);
  });

  it.each(Object.entries(EXPECTED))('%s: exit 1, names the file and the field', (name, want) => {
    const r = results.get(path.join(BROKEN, name))!;
    expect(r.code, r.out).toBe(1);
    const file = `test/fixtures/content-broken/${name}/${want.file}`;
    const problem = r.out.split('\n').find((l) => l.includes('✗') && l.includes(file));
    expect(problem, r.out).toBeDefined();
    expect(problem).toContain(want.field);
  });
});
