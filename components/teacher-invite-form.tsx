'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/validations/teacher';
import { FormMessage, SubmitButton } from './teacher-field';
import { CopyButton } from './class-copy-button';
import { LocalTime } from './class-local-time';

interface InviteState extends FormState {
  link?: string;
  expiresAt?: string;
}

/** "Create invite link", then the link, shown once, with a copy button. */
export function TeacherInviteForm({ action }: { action: (prev: InviteState, form: FormData) => Promise<InviteState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="teacher-panel">
      <form action={formAction}>
        <FormMessage state={state} />
        <SubmitButton pendingText="Creating…">{state.link ? 'Create another invite link' : 'Create invite link'}</SubmitButton>
      </form>
      {state.link && (
        <div className="invite-link">
          <label className="field" htmlFor="invite-link">
            Invite link
          </label>
          <div className="join-box__link">
            <input id="invite-link" type="text" readOnly value={state.link} aria-describedby="invite-link-expiry" />
            <CopyButton text={state.link} label="Copy invite link" what="Invite link" />
          </div>
          {state.expiresAt && (
            <p id="invite-link-expiry" className="field-hint">
              Works once, until <LocalTime iso={state.expiresAt} />.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
