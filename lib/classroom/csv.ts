/**
 * CSV formatting for the grade exports (pure). RFC 4180: fields containing a
 * comma, a double quote, CR or LF are quoted and quotes doubled; rows end with
 * CRLF. The file starts with a UTF-8 byte-order mark so spreadsheet programs
 * read names like "Zoë" correctly. Text cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) get a leading apostrophe, so a
 * student named "=HYPERLINK(...)" stays text. Numbers are written as numbers.
 */

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise spreadsheet formula injection in a text cell. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: numbers as is, booleans as yes/no, null/undefined empty, text defused and quoted when needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = defuseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row, CRLF-terminated. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + CRLF;
}

/**
 * A file name safe in a Content-Disposition header and on every file system:
 * ASCII letters, digits and dashes, at most 60 characters of the title.
 */
export function csvFilename(title: string, date: Date = new Date()): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'export';
  return `${slug}-${date.toISOString().slice(0, 10)}.csv`;
}

/** `attachment; filename="..."` for a name made by csvFilename. */
export function attachmentHeader(filename: string): string {
  return `attachment; filename="${filename.replace(/["\\\r\n]/g, '')}"`;
}

/** Timestamps in exports: ISO 8601 in UTC without milliseconds ("2025-03-04T09:15:00Z"). */
export function csvTimestamp(d: Date | string | null | undefined): string {
  if (!d) return '';
  const date = typeof d === 'string' ? new Date(d) : d;
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
