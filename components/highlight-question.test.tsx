// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { HighlightQuestion } from './highlight-question';
import type { HighlightAnswer } from '@/lib/grading/answers';

const paragraphs = ['First paragraph here.', 'Seven actions occurred, Tekushev reports. He notes more.'];

function Harness({ onValue }: { onValue: (v: HighlightAnswer | undefined) => void }) {
  const [v, setV] = useState<HighlightAnswer | undefined>();
  return (
    <>
      <div data-article-body="">
        <p data-start="0">{paragraphs[0]}</p>
        <p data-start={paragraphs[0]!.length + 2}>{paragraphs[1]}</p>
      </div>
      <HighlightQuestion paragraphs={paragraphs} startParagraph={2} maxWords={12} value={v} onChange={(a) => { setV(a); onValue(a); }} />
    </>
  );
}

describe('HighlightQuestion', () => {
  it('chooses words with the keyboard: paragraph, first word, last word', async () => {
    const user = userEvent.setup();
    let last: HighlightAnswer | undefined;
    render(<Harness onValue={(v) => (last = v)} />);
    await user.click(screen.getByText('Choose words with the keyboard'));
    const first = screen.getByLabelText('First word');
    const lastWord = screen.getByLabelText('Last word');
    expect(screen.getByLabelText('Paragraph')).toHaveValue('2');
    await user.selectOptions(first, '4. Tekushev');
    await user.selectOptions(lastWord, '5. reports.');
    await user.click(screen.getByRole('button', { name: 'Use these words' }));
    const body = paragraphs.join('\n\n');
    expect(last).toMatchObject({ quote: 'Tekushev reports.', position: body.indexOf('Tekushev') });
    expect(last?.prefix).toBe(body.slice(body.indexOf('Tekushev') - 32, body.indexOf('Tekushev')));
    expect(screen.getByText(/Your answer:/)).toHaveTextContent('Tekushev reports.');
    expect(screen.getByRole('status')).toHaveTextContent('2 words from paragraph 2');
  });
  it('uses a mouse selection made in the article', async () => {
    const user = userEvent.setup();
    let last: HighlightAnswer | undefined;
    render(<Harness onValue={(v) => (last = v)} />);
    const p = document.querySelectorAll('p[data-start]')[1]!;
    const textNode = p.firstChild!;
    const range = document.createRange();
    const at = paragraphs[1]!.indexOf('Tekushev');
    range.setStart(textNode, at);
    range.setEnd(textNode, at + 'Tekushev reports'.length);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    expect(await screen.findByText(/Selected in the article/)).toHaveTextContent('Tekushev reports');
    await user.click(screen.getByRole('button', { name: 'Use selected words' }));
    expect(last?.quote).toBe('Tekushev reports');
  });
  it('asks for a selection when nothing is selected', async () => {
    const user = userEvent.setup();
    render(<Harness onValue={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Use selected words' }));
    expect(screen.getByRole('status')).toHaveTextContent('First select some words');
  });
});
