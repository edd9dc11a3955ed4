'use client';
/**
 * Form building blocks for the teacher's forms: a labelled field whose error
 * is tied to it (aria-invalid + aria-describedby), a submit button that shows
 * it is working, and a form-level message. Used inside small client forms that
 * run server actions through useActionState, so they also work without script.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/validations/teacher';

interface FieldProps {
  name: string;
  label: string;
  state: FormState;
  type?: 'text' | 'email' | 'password';
  hint?: ReactNode;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  defaultValue?: string;
  /** Passwords are never sent back into the page. */
  keepValue?: boolean;
  autoFocus?: boolean;
}

export function TextField({ name, label, state, type = 'text', hint, autoComplete, required, maxLength, minLength, defaultValue, keepValue = true, autoFocus }: FieldProps) {
  const id = useId();
  const error = state.errors?.[name];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const value = keepValue ? (state.values?.[name] ?? defaultValue ?? '') : '';
  return (
    <div className="form-field">
      <label className="field" htmlFor={id}>
        {label}
        {!required && <span className="field-optional"> (optional)</span>}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        autoComplete={autoComplete}
        required={required}
        aria-required={required || undefined}
        maxLength={maxLength}
        minLength={minLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoFocus={autoFocus}
      />
      <FieldError id={errorId} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id?: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="error-text field-error">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

export function SubmitButton({ children, pendingText, className = 'btn' }: { children: ReactNode; pendingText?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending || undefined}>
      {pending ? (pendingText ?? 'Working…') : children}
    </button>
  );
}

/**
 * The form-level message (role="alert" for problems, role="status" for
 * success), and after a failed submission, focus on the first field with an error.
 */
export function FormMessage({ state }: { state: FormState }) {
  const ref = useRef<HTMLDivElement>(null);
  const n = state.n ?? 0;
  const failed = state.ok === false;
  useEffect(() => {
    if (!n || !failed) return;
    const form = ref.current?.closest('form');
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // A radio group is marked on its fieldset: focus its first control.
    const target = invalid?.matches('input, select, textarea') ? invalid : invalid?.querySelector<HTMLElement>('input, select, textarea');
    target?.focus();
  }, [n, failed]);
  const errorCount = Object.keys(state.errors ?? {}).length;
  const text = state.message ?? (errorCount ? (errorCount === 1 ? 'Please correct the field marked below.' : `Please correct the ${errorCount} fields marked below.`) : '');
  return (
    <div ref={ref}>
      {failed ? (
        <p role="alert" className="form-message form-message--error">
          {text}
        </p>
      ) : (
        <p role="status" className={text ? 'form-message form-message--ok' : 'visually-hidden'}>
          {text}
        </p>
      )}
    </div>
  );
}
