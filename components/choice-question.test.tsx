// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ChoiceQuestion } from './choice-question';
import type { ChoiceAnswer } from '@/lib/grading/answers';

const options = [
  { id: 'a', text: 'Alpha' },
  { id: 'b', text: 'Beta' },
  { id: 'c', text: 'Gamma' },
];

function Harness({ multiple, spy }: { multiple: boolean; spy: (a: ChoiceAnswer) => void }) {
  const [v, setV] = useState<ChoiceAnswer | undefined>();
  return <ChoiceQuestion questionId="q" legend="Pick" multiple={multiple} options={options} value={v} onChange={(a) => { setV(a); spy(a); }} />;
}

describe('ChoiceQuestion', () => {
  it('single choice: arrow keys move the choice, keyboard only', async () => {
    const user = userEvent.setup();
    const spy = vi.fn();
    render(<Harness multiple={false} spy={spy} />);
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Alpha' })).toHaveFocus();
    await user.keyboard(' ');
    expect(spy).toHaveBeenLastCalledWith({ choice: ['a'] });
    await user.keyboard('{ArrowDown}');
    expect(spy).toHaveBeenLastCalledWith({ choice: ['b'] });
    expect(screen.getByRole('radio', { name: 'Beta' })).toBeChecked();
    expect(screen.getByRole('group', { name: 'Pick' })).toBeInTheDocument();
  });
  it('multiple choice: Space toggles each checkbox, keeping option order', async () => {
    const user = userEvent.setup();
    const spy = vi.fn();
    render(<Harness multiple spy={spy} />);
    await user.tab();
    await user.tab();
    await user.keyboard(' ');
    await user.tab({ shift: true });
    await user.keyboard(' ');
    expect(spy).toHaveBeenLastCalledWith({ choice: ['a', 'b'] });
    await user.keyboard(' ');
    expect(spy).toHaveBeenLastCalledWith({ choice: ['b'] });
    expect(screen.getByText('Select all that apply.')).toBeInTheDocument();
  });
});
