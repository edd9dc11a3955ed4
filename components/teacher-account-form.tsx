'use client';
import { useActionState } from 'react';
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, type FormState } from '@/lib/validations/teacher';
import { FormMessage, SubmitButton, TextField } from './teacher-field';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** Name, email, password and confirmation: creating an account from a setup or invite link. */
export function TeacherAccountForm({ action, submitLabel }: { action: Action; submitLabel: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="teacher-form" key={state.n ?? 0}>
      <FormMessage state={state} />
      <TextField name="name" label="Your name" hint="Students see this name on their assignments." state={state} autoComplete="name" required maxLength={NAME_MAX} autoFocus />
      <TextField name="email" label="Email" type="email" hint="You sign in with it. No emails are sent." state={state} autoComplete="email" required maxLength={EMAIL_MAX} />
      <TextField
        name="password"
        label="Password"
        type="password"
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a good one.`}
        state={state}
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX}
        keepValue={false}
      />
      <TextField name="confirm" label="Password again" type="password" state={state} autoComplete="new-password" required maxLength={PASSWORD_MAX} keepValue={false} />
      <SubmitButton pendingText="Creating your account…">{submitLabel}</SubmitButton>
    </form>
  );
}
