'use client';
import { useActionState } from 'react';
import { EMAIL_MAX, type FormState } from '@/lib/validations/teacher';
import { FormMessage, SubmitButton, TextField } from './teacher-field';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function TeacherSignInForm({ action, next }: { action: Action; next: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="teacher-form" key={state.n ?? 0}>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField name="email" label="Email" type="email" state={state} autoComplete="username" required maxLength={EMAIL_MAX} autoFocus />
      <TextField name="password" label="Password" type="password" state={state} autoComplete="current-password" required keepValue={false} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
