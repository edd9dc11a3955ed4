import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function grade(args: string[], input?: string) {
  const r = spawnSync(TSX, ['--conditions=react-server', 'scripts/grade.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: r.status, lines, stderr: r.stderr };
}

const EX = ['--exercise', 'kazakhstan-jihadist-movement'];

describe('npm run grade (CLI contract)', () => {
  it('grades JSON Lines from stdin, one output line per input line, in order, errors per line', () => {
    const input = [
      JSON.stringify({ id: 'r1', questionId: 'single-source', answer: { text: "Islam Tekushev's study. One person could be wrong and nobody has confirmed it." } }),
      '{not json',
      JSON.stringify({ id: 'r3', questionId: 'no-such-question', answer: {} }),
      JSON.stringify({ id: 'r4', questionId: 'main-source', answer: { choice: ['tekushev'] } }),
      JSON.stringify({ id: 'r5', questionId: 'who-says', answer: { assignments: { attacks: 'tekushev' } } }),
      JSON.stringify({ id: 'r6', questionId: 'attack-count', answer: { text: 'seven' } }),
      JSON.stringify({ id: 'r7', questionId: 'attribution-phrase', answer: { quote: 'Tekushev reports' } }),
      JSON.stringify({ id: 'r8', answer: {} }),
      JSON.stringify({ id: 'r9', questionId: 'single-source', answer: { text: '' } }),
      JSON.stringify({ id: 'r10', questionId: 'single-source', answer: 'not an object' }),
    ].join('\n');
    const { status, lines } = grade(EX, input + '\n');
    expect(status).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['r1', null, 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10']);
    const [r1, bad, unknown, r4, r5, r6, r7, r8, r9, r10] = lines;
    expect(r1).toMatchObject({
      questionId: 'single-source', score: 2, maxScore: 2, needsReview: false,
      criteria: [{ id: 'names-source', score: 1, maxScore: 1 }, { id: 'reason', score: 1, maxScore: 1 }],
    });
    expect(Array.isArray(r1!.feedback)).toBe(true);
    expect(bad!.error).toMatch(/not valid JSON/);
    expect(unknown!.error).toMatch(/unknown questionId "no-such-question"/);
    expect(r4).toMatchObject({ score: 1, maxScore: 1, needsReview: false });
    expect(r4).not.toHaveProperty('criteria');
    expect(r5).toMatchObject({ score: 1, maxScore: 6 });
    expect(r6).toMatchObject({ score: 1, maxScore: 1 });
    expect(r7).toMatchObject({ score: 1, maxScore: 1 });
    expect(r8!.error).toMatch(/questionId/);
    expect(r9).toMatchObject({ score: 0, maxScore: 2 });
    expect(r10).toMatchObject({ score: 0, maxScore: 2 });
  });

  it('reads a FILE argument', () => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'grade-')), 'in.jsonl');
    fs.writeFileSync(f, JSON.stringify({ id: 'a', questionId: 'main-source', answer: { choice: ['kavkaz'] } }) + '\n');
    const { status, lines } = grade([...EX, f]);
    expect(status).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ id: 'a', score: 0, maxScore: 1 });
  });

  it('exits non-zero for an unknown exercise or missing arguments', () => {
    const unknown = grade(['--exercise', 'nope'], '');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown exercise "nope"/);
    expect(grade([], '').status).not.toBe(0);
  });
});
