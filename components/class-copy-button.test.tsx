// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyButton } from './class-copy-button';

describe('CopyButton', () => {
  it('copies the text and announces it', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<CopyButton text="http://x.test/join/ABC234" label="Copy join link" what="Join link" />);
    await user.click(screen.getByRole('button', { name: 'Copy join link' }));
    expect(writeText).toHaveBeenCalledWith('http://x.test/join/ABC234');
    expect(screen.getByRole('status')).toHaveTextContent('Join link copied.');
  });

  it('says what to do when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    render(<CopyButton text="x" />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByRole('status')).toHaveTextContent(/select the link and copy it yourself/);
  });
});
