// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { WrittenAnswer } from './written-answer';
import type { TextAnswer } from '@/lib/grading/answers';

function Harness({ multiline = true }: { multiline?: boolean }) {
  const [v, setV] = useState<TextAnswer | undefined>();
  return <WrittenAnswer label="Your answer" multiline={multiline} maxLength={2000} value={v} onChange={setV} />;
}

describe('WrittenAnswer', () => {
  it('counts characters as you type', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.tab();
    await user.keyboard('Tekushev');
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveValue('Tekushev');
    expect(screen.getByText('8 / 2,000 characters')).toBeInTheDocument();
  });
  it('keeps a 50 KB paste whole and says how much is over the limit', () => {
    render(<Harness />);
    const box = screen.getByRole('textbox', { name: 'Your answer' });
    const big = 'x'.repeat(50_000);
    fireEvent.change(box, { target: { value: big } });
    expect(box).toHaveValue(big);
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/48,000 over the limit/)).toBeInTheDocument();
  });
  it('renders a one-line input for short answers', () => {
    render(<Harness multiline={false} />);
    expect(screen.getByRole('textbox', { name: 'Your answer' }).tagName).toBe('INPUT');
  });
});
