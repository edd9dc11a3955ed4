'use client';
import { useActionState, useId } from 'react';
import { dateToWallTime, FEEDBACK_MODE_TEXT, FEEDBACK_MODES, TITLE_MAX, type FeedbackMode } from '@/lib/validations/classes';
import type { FormState } from '@/lib/validations/teacher';
import { FieldError, FormMessage, SubmitButton, TextField } from './teacher-field';
import { useHydrated, useTimeZone } from './class-local-time';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export interface ExerciseOption {
  id: string;
  title: string;
  article: string;
  questions: number;
}

interface Props {
  action: Action;
  /** Creating: choose the exercise. Editing: the exercise is fixed (answers belong to its questions). */
  exercises?: ExerciseOption[];
  defaults?: { title: string; dueAt: string | null; feedbackMode: FeedbackMode };
  submitLabel: string;
}

export function ClassAssignmentForm({ action, exercises, defaults, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, {});
  const creating = Boolean(exercises);
  return (
    <form action={formAction} noValidate className="teacher-form" key={state.n ?? 0}>
      <FormMessage state={state} />
      {exercises && <ExerciseSelect exercises={exercises} state={state} />}
      <TextField
        name="title"
        label="Title students see"
        hint={creating ? 'Leave empty to use the exercise’s title.' : undefined}
        state={state}
        required={!creating}
        maxLength={TITLE_MAX}
        defaultValue={defaults?.title ?? ''}
        autoComplete="off"
      />
      <DueDateField state={state} defaultIso={defaults?.dueAt ?? null} />
      <FeedbackModeField state={state} defaultMode={defaults?.feedbackMode ?? 'immediate'} />
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}

function ExerciseSelect({ exercises, state }: { exercises: ExerciseOption[]; state: FormState }) {
  const id = useId();
  const error = state.errors?.exerciseId;
  return (
    <div className="form-field">
      <label className="field" htmlFor={id}>
        Exercise
      </label>
      <select
        id={id}
        name="exerciseId"
        required
        aria-required
        defaultValue={state.values?.exerciseId ?? exercises[0]?.id ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {exercises.map((e) => (
          <option key={e.id} value={e.id}>
            {e.title} — {e.article} ({e.questions} questions)
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * datetime-local gives a wall-clock time with no zone; a hidden field carries
 * the browser's zone so the server stores the right instant. Without script
 * the zone is UTC, and the hint says so.
 */
function DueDateField({ state, defaultIso }: { state: FormState; defaultIso: string | null }) {
  const id = useId();
  const hydrated = useHydrated();
  const browserZone = useTimeZone();
  const typed = state.values?.dueAt !== undefined;
  const zone = typed ? state.values?.tz || 'UTC' : browserZone;
  const wall = typed ? (state.values?.dueAt ?? '') : defaultIso ? dateToWallTime(new Date(defaultIso), zone) : '';
  const error = state.errors?.dueAt;
  return (
    <div className="form-field">
      <label className="field" htmlFor={id}>
        Due date<span className="field-optional"> (optional)</span>
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {zone === 'UTC' ? 'Date and time in UTC (Coordinated Universal Time).' : `Date and time in your time zone (${zone.replace(/_/g, ' ')}).`} Students can still
        answer after it until you close the assignment.
      </p>
      <input
        key={hydrated ? 'local' : 'utc'}
        id={id}
        name="dueAt"
        type="datetime-local"
        defaultValue={wall}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      />
      <input type="hidden" name="tz" value={zone} />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

function FeedbackModeField({ state, defaultMode }: { state: FormState; defaultMode: FeedbackMode }) {
  const id = useId();
  const error = state.errors?.feedbackMode;
  const chosen = (state.values?.feedbackMode as FeedbackMode | undefined) ?? defaultMode;
  return (
    <fieldset role="radiogroup" className="form-field mode-choice" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field">When do students see their scores and feedback?</legend>
      <div className="options">
        {FEEDBACK_MODES.map((mode) => (
          <label key={mode} className="option">
            <input type="radio" name="feedbackMode" value={mode} defaultChecked={chosen === mode} />
            <span>
              <strong>{FEEDBACK_MODE_TEXT[mode].label}</strong>
              <br />
              <span className="field-hint">{FEEDBACK_MODE_TEXT[mode].explain}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}
