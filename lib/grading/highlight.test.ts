import { describe, expect, it } from 'vitest';
import { gradeAnswer } from './grade';
import { ctx, question, articleText } from '../../test/content';
import { selectionAnswer } from '../exercise/selection';

const q = question('attribution-phrase', 'highlight');
const body = articleText.body;
const p2 = articleText.paragraphStarts[1]!;
const sel = (start: number, end: number) => selectionAnswer(body, start, end)!;
const find = (s: string, from = 0) => body.indexOf(s, from);

describe('highlight: attribution-phrase', () => {
  it('credits "Tekushev reports" in paragraph 2, selected with context', () => {
    const at = find('Tekushev reports', p2);
    expect(gradeAnswer(q, sel(at, at + 'Tekushev reports'.length), ctx).score).toBe(1);
  });
  it('credits a plain quote without prefix/suffix (first occurrence of the phrase is in paragraph 2)', () => {
    expect(gradeAnswer(q, { quote: 'Tekushev reports' }, ctx).score).toBe(1);
    expect(gradeAnswer(q, { quote: 'wounded, Tekushev reports.' }, ctx).score).toBe(1);
  });
  it('gives 0 for "Tekushev" in another paragraph', () => {
    const p1 = body.indexOf('Islam Tekushev');
    expect(gradeAnswer(q, sel(p1, p1 + 'Islam Tekushev'.length), ctx).score).toBe(0);
    const p4 = find('Tekushev says');
    const r = gradeAnswer(q, sel(p4, p4 + 13), ctx);
    expect(r.score).toBe(0);
    expect(r.feedback[0]).toMatch(/not the right place/);
  });
  it('gives 0 for a selection in paragraph 2 that misses the name', () => {
    const at = find('reports.', p2);
    const r = gradeAnswer(q, sel(at, at + 7), ctx);
    expect(r.score).toBe(0);
    expect(r.feedback[0]).toMatch(/include the name/);
  });
  it('gives 0 for a selection longer than 12 words', () => {
    const start = find('Seven major', p2);
    const end = find('reports.', p2) + 8;
    const r = gradeAnswer(q, sel(start, end), ctx);
    expect(r.score).toBe(0);
    expect(r.feedback[0]).toMatch(/12 words/);
  });
  it('accepts exactly 12 words containing the name', () => {
    const end = find('reports.', p2) + 8;
    const words = body.slice(p2, end).split(/\s+/);
    const start = end - words.slice(-12).join(' ').length;
    expect(gradeAnswer(q, sel(start, end), ctx).score).toBe(1);
  });
  it('handles text that is not in the article and empty quotes', () => {
    expect(gradeAnswer(q, { quote: 'the moon is made of cheese' }, ctx).feedback[0]).toMatch(/not found/);
    expect(gradeAnswer(q, { quote: '' }, ctx).feedback[0]).toMatch(/Select some words/);
  });
});
