// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClassAssignmentForm } from './class-assignment-form';
import type { FormState } from '@/lib/validations/teacher';

const exercises = [
  { id: 'ex-1', title: 'Who says so?', article: 'An article', questions: 15 },
  { id: 'ex-2', title: 'Counting the dead', article: 'Another article', questions: 9 },
];

describe('ClassAssignmentForm', () => {
  it('sends the exercise, title, due time with the browser time zone, and the feedback mode', async () => {
    const user = userEvent.setup();
    let sent: Record<string, FormDataEntryValue> = {};
    const action = async (_prev: FormState, form: FormData): Promise<FormState> => {
      sent = Object.fromEntries(form.entries());
      return { ok: true, n: 1 };
    };
    render(<ClassAssignmentForm action={action} exercises={exercises} submitLabel="Create assignment" />);
    await user.selectOptions(screen.getByLabelText('Exercise'), 'ex-2');
    await user.type(screen.getByLabelText(/Title students see/), 'Week 3');
    const due = screen.getByLabelText(/Due date/);
    await user.type(due, '2030-05-06T07:08');
    await user.click(screen.getByRole('radio', { name: /After they submit/ }));
    await user.click(screen.getByRole('button', { name: 'Create assignment' }));
    await waitFor(() => expect(sent.exerciseId).toBe('ex-2'));
    expect(sent).toMatchObject({ title: 'Week 3', dueAt: '2030-05-06T07:08', feedbackMode: 'after-submit' });
    expect(sent.tz).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('explains each feedback mode in plain words, immediate by default', () => {
    render(<ClassAssignmentForm action={async () => ({})} exercises={exercises} submitLabel="Create assignment" />);
    const group = screen.getByRole('radiogroup', { name: 'When do students see their scores and feedback?' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Straight away/ })).toBeChecked();
    expect(screen.getByText(/until you have reviewed the answers and pressed “Return”/)).toBeInTheDocument();
  });

  it('keeps every typed value on error and marks the bad field', async () => {
    const user = userEvent.setup();
    const action = async (prev: FormState): Promise<FormState> => ({
      ok: false,
      n: (prev.n ?? 0) + 1,
      values: { exerciseId: 'ex-2', title: 'Week 3', dueAt: '2020-01-01T10:00', tz: 'Europe/Berlin', feedbackMode: 'when-returned' },
      errors: { dueAt: 'That time has already passed. Pick a later one, or leave the due date empty.' },
    });
    render(<ClassAssignmentForm action={action} exercises={exercises} submitLabel="Create assignment" />);
    await user.click(screen.getByRole('button', { name: 'Create assignment' }));
    await screen.findByRole('alert');
    const due = screen.getByLabelText(/Due date/);
    expect(due).toHaveValue('2020-01-01T10:00');
    expect(due).toHaveAttribute('aria-invalid', 'true');
    expect(due).toHaveAccessibleDescription(/Europe\/Berlin|Europe Berlin/);
    expect(due).toHaveAccessibleDescription(/already passed/);
    expect(screen.getByLabelText('Exercise')).toHaveValue('ex-2');
    expect(screen.getByLabelText(/Title students see/)).toHaveValue('Week 3');
    expect(screen.getByRole('radio', { name: /When you return the work/ })).toBeChecked();
    await waitFor(() => expect(due).toHaveFocus());
  });

  it('editing: no exercise choice, the title is required, and the stored due date shows in local time', () => {
    render(
      <ClassAssignmentForm
        action={async () => ({})}
        defaults={{ title: 'Week 3', dueAt: '2030-05-06T07:08:00.000Z', feedbackMode: 'after-submit' }}
        submitLabel="Save changes"
      />,
    );
    expect(screen.queryByLabelText('Exercise')).toBeNull();
    expect(screen.getByLabelText(/Title students see/)).toBeRequired();
    const d = new Date('2030-05-06T07:08:00.000Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    expect(screen.getByLabelText(/Due date/)).toHaveValue(local);
    expect(screen.getByRole('radio', { name: /After they submit/ })).toBeChecked();
  });
});
