'use client';
import { useActionState } from 'react';
import { CLASS_NAME_MAX } from '@/lib/validations/classes';
import type { FormState } from '@/lib/validations/teacher';
import { FormMessage, SubmitButton, TextField } from './teacher-field';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** New class, or rename a class. */
export function ClassNameForm({ action, submitLabel, defaultName = '', label = 'Class name', hint }: { action: Action; submitLabel: string; defaultName?: string; label?: string; hint?: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="teacher-form teacher-form--inline" key={state.n ?? 0}>
      <FormMessage state={state} />
      <TextField name="name" label={label} hint={hint} state={state} required maxLength={CLASS_NAME_MAX} defaultValue={defaultName} autoComplete="off" />
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
