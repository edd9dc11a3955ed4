// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { evidenceSegments, ReviewAnswer } from './review-answer';
import type { PublicQuestion } from '@/lib/content/public';
import type { GradeResult } from '@/lib/grading/types';

afterEach(() => cleanup());

const textQ: PublicQuestion = {
  id: 'single-source',
  kind: 'text',
  points: 2,
  prompt: 'Who?',
  paragraphs: [],
  maxLength: 2000,
  criteria: [
    { id: 'a', label: 'Names the source', points: 1 },
    { id: 'b', label: 'Reason', points: 1 },
  ],
};
const auto = (evidenceA: [number, number][], evidenceB: [number, number][]): GradeResult => ({
  questionId: 'single-source',
  score: 1,
  maxScore: 2,
  needsReview: false,
  reviewReasons: [],
  feedback: [],
  criteria: [
    { id: 'a', label: 'Names the source', score: 1, maxScore: 1, feedback: '', evidence: evidenceA.map(([start, end]) => ({ start, end })) },
    { id: 'b', label: 'Reason', score: 0, maxScore: 1, feedback: '', evidence: evidenceB.map(([start, end]) => ({ start, end })) },
  ],
});

describe('evidenceSegments', () => {
  it('splits text at span edges, merging equal neighbours and handling overlaps', () => {
    expect(evidenceSegments('Tekushev is biased', [{ start: 0, end: 8, criterion: 1 }])).toEqual([
      { text: 'Tekushev', criteria: [1] },
      { text: ' is biased', criteria: [] },
    ]);
    expect(
      evidenceSegments('abcdef', [
        { start: 1, end: 4, criterion: 1 },
        { start: 3, end: 5, criterion: 2 },
      ]),
    ).toEqual([
      { text: 'a', criteria: [] },
      { text: 'bc', criteria: [1] },
      { text: 'd', criteria: [1, 2] },
      { text: 'e', criteria: [2] },
      { text: 'f', criteria: [] },
    ]);
  });
  it('clamps spans outside the text and ignores empty ones; the pieces always join back to the text', () => {
    const text = 'short';
    const segs = evidenceSegments(text, [
      { start: 3, end: 99, criterion: 1 },
      { start: -5, end: 0, criterion: 2 },
      { start: 2, end: 2, criterion: 2 },
    ]);
    expect(segs).toEqual([
      { text: 'sho', criteria: [] },
      { text: 'rt', criteria: [1] },
    ]);
    expect(evidenceSegments('', [{ start: 0, end: 3, criterion: 1 }])).toEqual([]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });
});

describe('ReviewAnswer', () => {
  it('renders a written answer as text with <mark>ed evidence and the criterion number', () => {
    const { container } = render(<ReviewAnswer question={textQ} answer={{ text: 'Tekushev could be biased.' }} auto={auto([[0, 8]], [[18, 24]])} />);
    const marks = container.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['Tekushev', 'biased']);
    expect(screen.getByTestId('answer-text')).toHaveTextContent('Tekushev(evidence for criterion 1) could be biased(evidence for criterion 2).');
  });
  it('never turns student text into HTML', () => {
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>';
    const { container } = render(<ReviewAnswer question={textQ} answer={{ text: evil }} auto={auto([[0, 10]], [])} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByTestId('answer-text').textContent).toContain(evil.slice(10));
  });
  it('shows choice labels with verdicts, classify categories, and highlight quotes', () => {
    const choiceQ: PublicQuestion = { id: 'm', kind: 'choice', points: 1, prompt: '', paragraphs: [], multiple: true, options: [{ id: 'x', text: 'Option X' }, { id: 'y', text: 'Option Y' }] };
    render(<ReviewAnswer question={choiceQ} answer={{ choice: ['y'] }} auto={{ ...auto([], []), parts: [{ id: 'y', correct: false }] }} />);
    expect(screen.getByRole('list', { name: 'Chosen options' })).toHaveTextContent('Option Y ✗ not right');
    cleanup();
    const classifyQ: PublicQuestion = {
      id: 'c',
      kind: 'classify',
      points: 2,
      prompt: '',
      paragraphs: [],
      categories: [{ id: 'k1', label: 'Tekushev' }, { id: 'k2', label: 'Nobody' }],
      items: [{ id: 'i1', text: 'Seven attacks' }, { id: 'i2', text: 'Dozens killed' }],
    };
    render(<ReviewAnswer question={classifyQ} answer={{ assignments: { i1: 'k1' } }} auto={{ ...auto([], []), parts: [{ id: 'i1', correct: true }, { id: 'i2', correct: false }] }} />);
    expect(screen.getByRole('row', { name: /Seven attacks/ })).toHaveTextContent('Tekushev ✓ right');
    expect(screen.getByRole('row', { name: /Dozens killed/ })).toHaveTextContent('not sorted');
    cleanup();
    render(<ReviewAnswer question={{ id: 'h', kind: 'highlight', points: 1, prompt: '', paragraphs: [], maxWords: 12 }} answer={{ quote: 'Tekushev reports' }} auto={null} />);
    expect(screen.getByText('“Tekushev reports”')).toBeInTheDocument();
  });
  it('says so when there is no answer', () => {
    render(<ReviewAnswer question={textQ} answer={{ text: '  ' }} auto={null} />);
    expect(screen.getByText('No answer written.')).toBeInTheDocument();
  });
});
