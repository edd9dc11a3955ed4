import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { closeDb, getDb } from './client';
import { answers, attempts } from './schema';
import { assignmentExport, classExport, csvStream } from './export';
import { saveReview } from './review';
import { exerciseQuestions } from './review';
import { EXERCISE_ID, grade, makeAssignment, makeAttempt, makeClass, makeTeacher, SAMPLE, answer } from './review.fixture';
import { reviewFormSchema } from '../validations/review';
import type { GradeResult } from '../grading/types';

afterAll(() => closeDb());

const STUDENTS = 700;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; bytes: Uint8Array; chunks: number }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), bytes, chunks: parts.length };
}

/** Split CSV text into records, honouring quoted fields (RFC 4180). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    }
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('streamed CSV export of 10,000+ answers', () => {
  let teacherId = '';
  let assignmentId = '';
  let classId = '';
  const questions = exerciseQuestions(EXERCISE_ID);

  beforeAll(async () => {
    const db = await getDb();
    const t = await makeTeacher();
    const c = await makeClass(t.id, 'Big class');
    const a = await makeAssignment(c.id, 'Big test');
    teacherId = t.id;
    classId = c.id;
    assignmentId = a.id;
    // Real grades for a few real answers, reused across the generated rows.
    const samples: { questionId: string; answer: unknown; grade: GradeResult }[] = questions.map((q) => {
      const raw =
        q.question.kind === 'choice'
          ? { choice: [q.question.options[0]!.id] }
          : q.question.kind === 'classify'
            ? { assignments: { [q.question.items[0]!.id]: q.question.categories[0]!.id } }
            : q.question.kind === 'highlight'
              ? { quote: 'Tekushev reports' }
              : q.question.kind === 'short'
                ? { text: '7' }
                : SAMPLE.singleSourceKeywords;
      return { questionId: q.question.id, answer: raw, grade: grade(q.question.id, raw) };
    });
    const names = Array.from({ length: STUDENTS }, (_, i) => (i === 0 ? '=HYPERLINK("http://evil")' : i === 1 ? 'Smith, "Jo"' : `Student ${String(i).padStart(4, '0')}`));
    const rows = await db
      .insert(attempts)
      .values(names.map((n, i) => ({ assignmentId, displayName: n, nameKey: n.toLowerCase(), nameIndex: 1, resumeCodeHash: randomUUID(), status: i % 2 ? ('submitted' as const) : ('in-progress' as const), submittedAt: i % 2 ? new Date() : null })))
      .returning({ id: attempts.id });
    const values = rows.flatMap((r) => samples.map((s) => ({ attemptId: r.id, questionId: s.questionId, answer: s.answer, seq: 1, autoGrade: s.grade })));
    for (let i = 0; i < values.length; i += 1000) await db.insert(answers).values(values.slice(i, i + 1000));
    expect(values.length).toBeGreaterThanOrEqual(10_000);
    // A duplicate name and one teacher override.
    const sam = await makeAttempt(assignmentId, 'Student 0002', { nameIndex: 2, submitted: true });
    await answer(sam.id, 'main-source', SAMPLE.mainSourceWrong);
    const r = await saveReview(teacherId, reviewFormSchema.parse({ assignmentId, attemptId: sam.id, questionId: 'main-source', total: '1', comment: 'ok' }));
    expect(r.ok).toBe(true);
  }, 120_000);

  it('yields one batch per database page, pulled lazily, and every row once', async () => {
    const pages: number[] = [];
    const exp = (await assignmentExport(teacherId, assignmentId, { batchSize: 500, onBatch: (p) => pages.push(p) }))!;
    const reader = csvStream(exp).getReader();
    const head = await reader.read();
    const header = new TextDecoder('utf-8', { ignoreBOM: true }).decode(head.value);
    expect(header.startsWith('\uFEFFName,Status,Submitted at,Q1 main-source,')).toBe(true);
    expect(pages).toEqual([]); // nothing read from the database for the header
    const first = await reader.read();
    expect(pages).toEqual([0]); // only the first page, although 701 students exist
    const firstRows = new TextDecoder().decode(first.value).split('\r\n').filter(Boolean);
    expect(firstRows).toHaveLength(500);
    let rest = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value).split('\r\n').filter(Boolean).length;
    }
    expect(rest).toBe(STUDENTS + 1 - 500);
    expect(pages).toEqual([0, 1]);
  });

  it('writes a correct file: BOM, CRLF, quoting, defused formulas, per-question scores, totals and flags', async () => {
    const exp = (await assignmentExport(teacherId, assignmentId))!;
    expect(exp.filename).toMatch(/^big-class-big-test-\d{4}-\d{2}-\d{2}\.csv$/);
    const { text, bytes } = await readAll(csvStream(exp));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(STUDENTS + 2);
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['Name', 'Status', 'Submitted at']);
    expect(header.slice(3, 3 + questions.length)).toEqual(questions.map((q) => `Q${q.number} ${q.question.id}`));
    expect(header.slice(-4)).toEqual(['Total', 'Max', 'Teacher-adjusted', 'Needs review']);
    const byName = new Map(rows.slice(1).map((r) => [r[0]!, r]));
    expect(byName.has(`'=HYPERLINK("http://evil")`)).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(byName.has('Smith, "Jo"')).toBe(true);
    const dup = byName.get('Student 0002 (2)')!;
    expect(dup[1]).toBe('submitted');
    expect(dup[2]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(dup[3]).toBe('1'); // teacher total 1 over the automatic 0
    expect(dup.slice(4, 3 + questions.length).every((c) => c === '')).toBe(true);
    expect(dup.slice(-4)).toEqual(['1', String(questions.reduce((s, q) => s + q.question.points, 0)), 'yes', '0']);
    const plain = byName.get('Student 0003')!;
    expect(plain[1]).toBe('submitted');
    expect(plain.at(-2)).toBe('no');
    const scores = plain.slice(3, 3 + questions.length).map(Number);
    expect(Number(plain.at(-4))).toBe(scores.reduce((s, n) => s + n, 0));
    // Every text answer is the flagged keyword list, so each text question counts once.
    const textCount = questions.filter((q) => q.question.kind === 'text').length;
    expect(plain.at(-1)).toBe(String(textCount));
    expect(byName.get('Student 0004')![1]).toBe('in progress');
  });

  it('exports a whole class with an Assignment column, and is null for other teachers', async () => {
    const exp = (await classExport(teacherId, classId, { batchSize: 300 }))!;
    expect(exp.header.slice(0, 2)).toEqual(['Assignment', 'Name']);
    const { text } = await readAll(csvStream(exp));
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(STUDENTS + 2);
    expect(rows.slice(1).every((r) => r[0] === 'Big test')).toBe(true);
    const other = await makeTeacher();
    expect(await assignmentExport(other.id, assignmentId)).toBeNull();
    expect(await classExport(other.id, classId)).toBeNull();
    expect(await classExport(teacherId, 'nope')).toBeNull();
  });
});
