'use client';
/**
 * Join a class assignment: class code + display name. A plain form posting to
 * a server action, so it works without JavaScript too. On success it shows the
 * student's resume code once, in large type, with a Continue link.
 */
import { useActionState, useEffect, useRef } from 'react';
import { joinAction } from '@/app/join/actions';
import type { JoinFormState } from '@/lib/classroom/forms';
import { MAX_CODE_LENGTH, MAX_NAME_LENGTH } from '@/lib/validations/student';

export function ClassroomJoinForm({ code = '' }: { code?: string }) {
  const [state, action, pending] = useActionState<JoinFormState, FormData>(joinAction, { status: 'idle', values: { code, name: '' }, errors: {} });
  const done = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.status === 'joined') done.current?.focus();
  }, [state.status]);

  if (state.status === 'joined' && state.attemptId && state.resumeCode) {
    return (
      <section className="resume-card" aria-labelledby="joined-title">
        <h2 id="joined-title" ref={done} tabIndex={-1}>
          You have joined, {state.values.name}
        </h2>
        <p>Your resume code:</p>
        <p className="resume-code" data-testid="resume-code">
          {state.resumeCode}
        </p>
        <p>
          <strong>Write this down: it reopens your work on another device.</strong> It is shown only this once. To open your work
          elsewhere, go to “Resume my work” and type your class code and this resume code.
        </p>
        <a className="btn" href={`/attempts/${state.attemptId}`}>
          Continue
        </a>
      </section>
    );
  }

  const err = state.errors;
  return (
    <form action={action} className="classroom-form" noValidate>
      {err.form && (
        <p className="error-text" role="alert">
          {err.form}
        </p>
      )}
      <div className="classroom-form__field">
        <label className="field" htmlFor="join-code">
          Class code
        </label>
        <input
          id="join-code"
          name="code"
          type="text"
          defaultValue={state.values.code}
          key={`code-${state.values.code}`}
          required
          maxLength={MAX_CODE_LENGTH}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={err.code ? true : undefined}
          aria-describedby={err.code ? 'join-code-error' : 'join-code-hint'}
          className="code-input"
        />
        <p id="join-code-hint" className="status">
          The code your teacher gave you, for example K7M-Q2P.
        </p>
        {err.code && (
          <p id="join-code-error" className="error-text" role="alert">
            {err.code}
          </p>
        )}
      </div>
      <div className="classroom-form__field">
        <label className="field" htmlFor="join-name">
          Your name
        </label>
        <input
          id="join-name"
          name="name"
          type="text"
          defaultValue={state.values.name}
          key={`name-${state.values.name}`}
          required
          maxLength={MAX_NAME_LENGTH}
          autoComplete="off"
          aria-invalid={err.name ? true : undefined}
          aria-describedby={`join-name-hint${err.name ? ' join-name-error' : ''}`}
        />
        <p id="join-name-hint" className="status">
          Your teacher will see this name. Use the name your teacher knows you by; no email or password needed.
        </p>
        {err.name && (
          <p id="join-name-error" className="error-text" role="alert">
            {err.name}
          </p>
        )}
      </div>
      <button type="submit" className="btn" disabled={pending}>
        {pending ? 'Joining…' : 'Join'}
      </button>
    </form>
  );
}
