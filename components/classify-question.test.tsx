// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ClassifyQuestion } from './classify-question';
import type { ClassifyAnswer } from '@/lib/grading/answers';

const categories = [
  { id: 'x', label: 'Ex' },
  { id: 'y', label: 'Why' },
];
const items = [
  { id: 'i1', text: 'First statement' },
  { id: 'i2', text: 'Second statement' },
];

function Harness({ onValue }: { onValue: (v: ClassifyAnswer) => void }) {
  const [v, setV] = useState<ClassifyAnswer | undefined>();
  return <ClassifyQuestion questionId="q" categories={categories} items={items} value={v} onChange={(a) => { setV(a); onValue(a); }} />;
}

describe('ClassifyQuestion', () => {
  it('sorts every item with the keyboard alone (no dragging)', async () => {
    const user = userEvent.setup();
    let last: ClassifyAnswer | undefined;
    render(<Harness onValue={(v) => (last = v)} />);
    expect(screen.getByText('0 of 2 sorted.')).toBeInTheDocument();
    await user.tab();
    await user.keyboard(' ');
    await user.keyboard('{ArrowRight}');
    await user.tab();
    await user.keyboard(' ');
    expect(last).toEqual({ assignments: { i1: 'y', i2: 'x' } });
    expect(screen.getByText('2 of 2 sorted.')).toBeInTheDocument();
    const group = screen.getByRole('group', { name: /First statement/ });
    expect(within(group).getByRole('radio', { name: 'Why' })).toBeChecked();
  });
});
