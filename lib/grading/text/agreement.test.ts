/**
 * Agreement with teachers: grades every graded fixture answer with the real
 * content and compares each criterion with the human score. Prints a table per
 * fixture file (per question and criterion agreement, overall, the precision
 * of answers the engine did NOT flag for review, and the flagged share) and
 * holds the engine to the product's thresholds.
 *
 * Every lib/grading/fixtures/*.jsonl file is TUNING data (dev, the first and
 * second and third former holdouts, the engine's own cases) and must meet the
 * product bar: >= 95% criterion agreement and >= 97% non-flagged precision.
 * The blind holdout test/fixtures/text-answers.holdout4.jsonl (written by
 * someone who never saw the engine) is only measured when present: its table
 * is printed, without per-answer differences so nobody tunes on it, and it
 * must reach >= 90% criterion agreement. (holdout2 and holdout3 were blind
 * too; measured once at 94.7% / 90.7% and 94.0% / 88.4% / 14% flagged, they
 * are now tuning data in lib/grading/fixtures/.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeText } from './index';
import { loadContent, readFixtures, type FixtureCase } from './load-content';

const root = process.cwd();
const content = loadContent(root);
const fixturesDir = path.join(root, 'lib/grading/fixtures');

interface FileSpec {
  name: string;
  file: string;
  /** Blind: only measured (table printed, no per-answer differences), lower bar. */
  blind: boolean;
}

const files: FileSpec[] = fs
  .readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .map((f) => ({ name: f, file: path.join(fixturesDir, f), blind: false }));
const blindName = 'test/fixtures/text-answers.holdout4.jsonl';
const blindFile = path.join(root, blindName);
const samples = path.resolve(root, '../shared/rubric-samples.jsonl');
const samplesAlt = '/work/shared/rubric-samples.jsonl';
const samplesFile = fs.existsSync(samples) ? samples : fs.existsSync(samplesAlt) ? samplesAlt : undefined;

interface Report {
  criteria: number;
  agree: number;
  nonFlagged: number;
  nonFlaggedRight: number;
  flagged: number;
  table: string;
  disagreements: string[];
}

function pct(a: number, b: number): string {
  return b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(1).padStart(5)}%`;
}

function evaluate(cases: FixtureCase[]): Report {
  const perCrit = new Map<string, { agree: number; total: number }>();
  const perQ = new Map<string, { agree: number; total: number; answers: number }>();
  const r: Report = { criteria: 0, agree: 0, nonFlagged: 0, nonFlaggedRight: 0, flagged: 0, table: '', disagreements: [] };
  for (const c of cases) {
    const question = content.questions.get(c.questionId);
    const rubric = content.rubrics.get(c.questionId);
    if (!question || !rubric) throw new Error(`${c.id}: unknown text question ${c.questionId}`);
    const res = gradeText(question, rubric, c.answer, content.article, { quotableText: content.quotable });
    let allRight = true;
    const q = perQ.get(c.questionId) ?? { agree: 0, total: 0, answers: 0 };
    q.answers++;
    for (const cr of res.criteria ?? []) {
      const key = `${c.questionId} / ${cr.id}`;
      const s = perCrit.get(key) ?? { agree: 0, total: 0 };
      const ok = c.human[cr.id] === cr.score;
      s.total++;
      q.total++;
      r.criteria++;
      if (ok) {
        s.agree++;
        q.agree++;
        r.agree++;
      } else {
        allRight = false;
        r.disagreements.push(`${c.id} ${cr.id}: engine ${cr.score}, human ${c.human[cr.id]}${res.needsReview ? ' (flagged)' : ''}`);
      }
      perCrit.set(key, s);
    }
    perQ.set(c.questionId, q);
    if (res.needsReview) r.flagged++;
    else {
      r.nonFlagged++;
      if (allRight) r.nonFlaggedRight++;
    }
  }
  const lines: string[] = [];
  for (const [qid, q] of perQ) {
    lines.push(`  ${qid.padEnd(44)} ${pct(q.agree, q.total)}  (${q.answers} answers)`);
    for (const [key, s] of perCrit) {
      if (key.startsWith(`${qid} /`)) lines.push(`    ${key.slice(qid.length + 3).padEnd(42)} ${pct(s.agree, s.total)}  (${s.agree}/${s.total})`);
    }
  }
  lines.push(`  ${'overall criterion agreement'.padEnd(44)} ${pct(r.agree, r.criteria)}  (${r.agree}/${r.criteria})`);
  lines.push(`  ${'non-flagged precision'.padEnd(44)} ${pct(r.nonFlaggedRight, r.nonFlagged)}  (${r.nonFlaggedRight}/${r.nonFlagged})`);
  lines.push(`  ${'flagged for review'.padEnd(44)} ${pct(r.flagged, r.flagged + r.nonFlagged)}  (${r.flagged}/${r.flagged + r.nonFlagged})`);
  r.table = lines.join('\n');
  return r;
}

function check(name: string, file: string, blind: boolean): void {
  it(`${name}: agrees with the teachers' grades`, () => {
    const cases = readFixtures(file);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const q = content.questions.get(c.questionId);
      expect(q, `${c.id}: unknown question`).toBeDefined();
      for (const cr of q?.criteria ?? []) expect(c.human[cr.id], `${c.id}: no human score for ${cr.id}`).toBeTypeOf('number');
    }
    const r = evaluate(cases);
    console.log(`\nAgreement: ${name}${blind ? ' (blind holdout: measured only)' : ''}\n${r.table}\n${blind ? '' : r.disagreements.map((d) => `    differs: ${d}`).join('\n')}`);
    if (blind) {
      expect(r.agree / r.criteria).toBeGreaterThanOrEqual(0.9);
    } else {
      expect(r.agree / r.criteria).toBeGreaterThanOrEqual(0.95);
      expect(r.nonFlaggedRight / Math.max(1, r.nonFlagged)).toBeGreaterThanOrEqual(0.97);
    }
  });
}

describe('text grading agrees with teachers', () => {
  for (const f of files) check(f.name, f.file, f.blind);
  if (fs.existsSync(blindFile)) check(blindName, blindFile, true);
  else it.skip(`${blindName} (not written yet)`, () => {});
  if (samplesFile) check('shared/rubric-samples.jsonl', samplesFile, false);
  else it.skip('shared/rubric-samples.jsonl (not found beside the repo)', () => {});
});
