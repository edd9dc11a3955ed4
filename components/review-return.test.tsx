// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReviewReturn } from './review-return';

afterEach(() => cleanup());

// jsdom's <dialog> may lack showModal/close.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

describe('ReviewReturn', () => {
  it('asks for confirmation (mentioning unreviewed answers), then returns and says when', async () => {
    const action = vi.fn(async () => ({ ok: true as const, returnedAt: '2025-03-04T10:00:00.000Z' }));
    const user = userEvent.setup();
    render(<ReviewReturn returnedAt={null} pendingReview={2} feedbackMode="when-returned" action={action} />);
    expect(screen.getByRole('status')).toHaveTextContent('Not returned yet.');
    await user.click(screen.getByRole('button', { name: 'Return grades to students' }));
    const dialog = screen.getByRole('dialog', { name: 'Return grades to students?' });
    expect(dialog).toHaveTextContent('2 answers still need your review');
    await user.click(screen.getByRole('button', { name: 'Not yet' }));
    expect(action).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Return grades to students' }));
    await user.click(screen.getByRole('button', { name: 'Return grades' }));
    expect(action).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/Returned on/)).toHaveTextContent(/Returned on .*2025/);
    expect(screen.getByRole('button', { name: 'Return grades again' })).toBeInTheDocument();
  });
  it('shows the error when returning fails', async () => {
    const user = userEvent.setup();
    render(<ReviewReturn returnedAt="2025-03-01T10:00:00.000Z" pendingReview={0} feedbackMode="immediate" action={async () => ({ ok: false, message: 'No such assignment.' })} />);
    await user.click(screen.getByRole('button', { name: 'Return grades again' }));
    await user.click(screen.getByRole('button', { name: 'Return grades' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No such assignment.');
  });
});
