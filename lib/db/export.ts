import 'server-only';
/**
 * Streamed CSV grade exports. Attempts are read in keyset-paged batches
 * (by student name, then id) and each batch becomes one chunk of the response
 * body, pulled only when the client reads on: a 10,000-student export never
 * holds more than one batch of rows in memory. One row per student (per
 * assignment, for a class export): name, status, submitted at, the effective
 * score per question, total, max, teacher-adjusted flag, needs-review count.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from './client';
import { attempts } from './schema';
import { classExportContexts, exportContext, gridRowsFor, type ExportContext, type GridRow } from './review';
import { BOM, csvFilename, csvRow, csvTimestamp, type CsvValue } from '../classroom/csv';

export const EXPORT_BATCH_SIZE = 500;

export interface ExportOptions {
  batchSize?: number;
  /** Called before each database page is read (tests count them). */
  onBatch?: (index: number) => void;
}

export interface CsvExport {
  filename: string;
  header: string[];
  /** Rows, one array per database page. */
  batches: AsyncGenerator<CsvValue[][]>;
}

interface Column {
  id: string;
  header: string;
}

/** "Q3 single-source": question number and id, so columns stay identifiable if wording changes. */
function questionColumns(contexts: ExportContext[]): Column[] {
  const seen = new Map<string, Column>();
  for (const ctx of contexts)
    for (const q of ctx.questions) if (!seen.has(q.question.id)) seen.set(q.question.id, { id: q.question.id, header: `Q${q.number} ${q.question.id}` });
  return [...seen.values()];
}

function rowValues(row: GridRow, columns: Column[]): CsvValue[] {
  return [
    row.name,
    row.status === 'submitted' ? 'submitted' : 'in progress',
    csvTimestamp(row.submittedAt),
    ...columns.map((c) => row.cells[c.id]?.score ?? null),
    row.total,
    row.maxTotal,
    row.adjusted,
    row.needsReview,
  ];
}

const TAIL = ['Total', 'Max', 'Teacher-adjusted', 'Needs review'];

/** Attempts of one assignment, page by page, ordered by name (keyset pagination, no OFFSET). */
async function* attemptPages(ctx: ExportContext, opts: ExportOptions): AsyncGenerator<GridRow[]> {
  const size = opts.batchSize ?? EXPORT_BATCH_SIZE;
  const db = await getDb();
  let after: { nameKey: string; nameIndex: number; id: string } | null = null;
  for (let page = 0; ; page++) {
    opts.onBatch?.(page);
    const batch: (typeof attempts.$inferSelect)[] = await db
      .select()
      .from(attempts)
      .where(
        and(
          eq(attempts.assignmentId, ctx.summary.id),
          after ? sql`(${attempts.nameKey}, ${attempts.nameIndex}, ${attempts.id}) > (${after.nameKey}, ${after.nameIndex}, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(attempts.nameKey), asc(attempts.nameIndex), asc(attempts.id))
      .limit(size);
    if (batch.length > 0) yield await gridRowsFor(ctx, batch);
    const last = batch[batch.length - 1];
    if (!last || batch.length < size) return;
    after = { nameKey: last.nameKey, nameIndex: last.nameIndex, id: last.id };
  }
}

/** The CSV export of one assignment, or null when it is not the teacher's (→ 404). */
export async function assignmentExport(teacherId: string, assignmentId: string, opts: ExportOptions = {}): Promise<CsvExport | null> {
  const ctx = await exportContext(teacherId, assignmentId);
  if (!ctx) return null;
  const columns = questionColumns([ctx]);
  async function* batches() {
    for await (const rows of attemptPages(ctx!, opts)) yield rows.map((r) => rowValues(r, columns));
  }
  return {
    filename: csvFilename(`${ctx.summary.className} ${ctx.summary.title}`),
    header: ['Name', 'Status', 'Submitted at', ...columns.map((c) => c.header), ...TAIL],
    batches: batches(),
  };
}

/** The CSV export of every assignment of a class (an Assignment column first), or null (→ 404). */
export async function classExport(teacherId: string, classId: string, opts: ExportOptions = {}): Promise<CsvExport | null> {
  const found = await classExportContexts(teacherId, classId);
  if (!found) return null;
  const columns = questionColumns(found.assignments);
  async function* batches() {
    for (const ctx of found!.assignments)
      for await (const rows of attemptPages(ctx, opts)) yield rows.map((r) => [ctx.summary.title, ...rowValues(r, columns)]);
  }
  return {
    filename: csvFilename(`${found.className} all assignments`),
    header: ['Assignment', 'Name', 'Status', 'Submitted at', ...columns.map((c) => c.header), ...TAIL],
    batches: batches(),
  };
}

/**
 * The export as a byte stream: BOM + header first, then one chunk per batch,
 * each read from the database only when the consumer pulls (backpressure).
 */
export function csvStream(exp: CsvExport): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(BOM + csvRow(exp.header)));
          return;
        }
        const { value, done } = await exp.batches.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value.map(csvRow).join('')));
      },
      async cancel() {
        await exp.batches.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
