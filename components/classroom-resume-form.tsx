'use client';
/** Reopen one's work on another device: class code + resume code. Works without JavaScript too. */
import { useActionState } from 'react';
import { resumeAction } from '@/app/join/actions';
import type { ResumeFormState } from '@/lib/classroom/forms';
import { MAX_CODE_LENGTH } from '@/lib/validations/student';

export function ClassroomResumeForm() {
  const [state, action, pending] = useActionState<ResumeFormState, FormData>(resumeAction, { status: 'idle', values: { code: '', resumeCode: '' }, errors: {} });
  const err = state.errors;
  const field = (id: string, name: 'code' | 'resumeCode', label: string, hint: string) => (
    <div className="classroom-form__field">
      <label className="field" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        defaultValue={state.values[name]}
        key={`${name}-${state.values[name]}`}
        required
        maxLength={MAX_CODE_LENGTH}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="code-input"
        aria-invalid={err[name] || err.form ? true : undefined}
        aria-describedby={`${id}-hint${err[name] ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-hint`} className="status">
        {hint}
      </p>
      {err[name] && (
        <p id={`${id}-error`} className="error-text" role="alert">
          {err[name]}
        </p>
      )}
    </div>
  );
  return (
    <form action={action} className="classroom-form" noValidate>
      {err.form && (
        <p className="error-text" role="alert">
          {err.form}
        </p>
      )}
      {field('resume-class-code', 'code', 'Class code', 'The code you used to join.')}
      {field('resume-code', 'resumeCode', 'Resume code', 'The 8-character code you wrote down when you joined, for example ABCD-EFGH.')}
      <button type="submit" className="btn" disabled={pending}>
        {pending ? 'Opening…' : 'Open my work'}
      </button>
    </form>
  );
}
