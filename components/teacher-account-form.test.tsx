// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TeacherAccountForm } from './teacher-account-form';
import { TeacherSignInForm } from './teacher-signin-form';
import type { FormState } from '@/lib/validations/teacher';

describe('TeacherAccountForm', () => {
  it('labels every field and sends what was typed', async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (_prev: FormState, form: FormData): Promise<FormState> => {
      void form;
      return { ok: true, n: 1 };
    });
    render(<TeacherAccountForm action={action} submitLabel="Create account" />);
    await user.type(screen.getByLabelText('Your name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@school.test');
    await user.type(screen.getByLabelText('Password'), 'a long password');
    await user.type(screen.getByLabelText('Password again'), 'a long password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const form = action.mock.calls[0]![1];
    expect(Object.fromEntries(form.entries())).toEqual({ name: 'Ada', email: 'ada@school.test', password: 'a long password', confirm: 'a long password' });
  });

  it('shows field errors inline, tied to their fields, keeps the typed name and email, focuses the first bad field', async () => {
    const user = userEvent.setup();
    const action = async (prev: FormState): Promise<FormState> => ({
      ok: false,
      n: (prev.n ?? 0) + 1,
      values: { name: 'Ada', email: 'ada@school' },
      errors: { email: 'Enter an email address like name@school.org.', confirm: 'The two passwords are not the same.' },
    });
    render(<TeacherAccountForm action={action} submitLabel="Create account" />);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Please correct the 2 fields marked below.');
    const email = screen.getByLabelText('Email');
    expect(email).toHaveValue('ada@school');
    expect(screen.getByLabelText('Your name')).toHaveValue('Ada');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/You sign in with it.*Enter an email address like name@school\.org\./);
    expect(screen.getByLabelText('Password again')).toHaveAccessibleDescription('The two passwords are not the same.');
    expect(screen.getByLabelText('Your name')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    await waitFor(() => expect(email).toHaveFocus());
  });
});

describe('TeacherSignInForm', () => {
  it('carries the next path and shows the generic error as an alert', async () => {
    const user = userEvent.setup();
    let sent: FormData | undefined;
    const action = async (prev: FormState, form: FormData): Promise<FormState> => {
      sent = form;
      return { ok: false, n: (prev.n ?? 0) + 1, values: { email: String(form.get('email')) }, message: 'Email or password is not right.' };
    };
    render(<TeacherSignInForm action={action} next="/teacher/classes/x" />);
    await user.type(screen.getByLabelText('Email'), 'ada@school.test');
    await user.type(screen.getByLabelText('Password'), 'wrong one!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is not right.');
    expect(sent?.get('next')).toBe('/teacher/classes/x');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@school.test');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });
});
