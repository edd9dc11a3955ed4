import { describe, expect, it } from 'vitest';
import { attachmentHeader, BOM, csvField, csvFilename, csvRow, csvTimestamp, defuseFormula } from './csv';

describe('CSV formatting', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180), doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Smith, Ana')).toBe('"Smith, Ana"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });
  it('writes numbers, booleans and empty values', () => {
    expect(csvField(2)).toBe('2');
    expect(csvField(0)).toBe('0');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(NaN)).toBe('');
    expect(csvField(true)).toBe('yes');
    expect(csvField(false)).toBe('no');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });
  it('defuses spreadsheet formulas in text cells', () => {
    for (const bad of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(defuseFormula(bad)).toBe(`'${bad}`);
    expect(csvField('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(defuseFormula('Sam')).toBe('Sam');
    expect(defuseFormula("O'Neil = 1")).toBe("O'Neil = 1");
    // Numbers stay numbers (scores are never negative, but a number is never a formula).
    expect(csvField(-1)).toBe('-1');
  });
  it('ends rows with CRLF and exports a BOM', () => {
    expect(csvRow(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
    expect(BOM).toBe('\uFEFF');
    expect(new TextEncoder().encode(BOM)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
  it('makes safe file names and headers', () => {
    const d = new Date('2025-03-04T10:00:00Z');
    expect(csvFilename('Période 3 — "Who says so?"', d)).toBe('periode-3-who-says-so-2025-03-04.csv');
    expect(csvFilename('../../etc/passwd\r\n', d)).toBe('etc-passwd-2025-03-04.csv');
    expect(csvFilename('日本語', d)).toBe('export-2025-03-04.csv');
    expect(csvFilename('x'.repeat(200), d)).toHaveLength(60 + '-2025-03-04.csv'.length);
    expect(attachmentHeader('a"b\r\n.csv')).toBe('attachment; filename="ab.csv"');
  });
  it('formats timestamps in UTC', () => {
    expect(csvTimestamp(new Date('2025-03-04T09:15:00.123Z'))).toBe('2025-03-04T09:15:00Z');
    expect(csvTimestamp('2025-03-04T09:15:00.000Z')).toBe('2025-03-04T09:15:00Z');
    expect(csvTimestamp(null)).toBe('');
    expect(csvTimestamp('nonsense')).toBe('');
  });
});
