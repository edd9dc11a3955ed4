'use server';
/** Creating a teacher account from a setup or invite link, then signing in. */
import { redirect } from 'next/navigation';
import { createAccountFromLink } from '@/lib/auth/setup';
import { setSessionCookie, TEACHER_COOKIE } from '@/lib/auth/cookies';
import { createSession } from '@/lib/db/sessions';
import { formValues, type FormState } from '@/lib/validations/teacher';

const FIELDS = ['name', 'email', 'password', 'confirm'] as const;

async function createAccount(kind: 'setup' | 'invite', token: string, prev: FormState, form: FormData): Promise<FormState> {
  const n = (prev.n ?? 0) + 1;
  const input = formValues(form, FIELDS);
  // What was typed comes back on error, except the passwords (never echoed into a page).
  const keep = { name: input.name ?? '', email: input.email ?? '' };
  const r = await createAccountFromLink(String(token), kind, input);
  if (!r.ok) {
    if (r.reason === 'invalid-link')
      return {
        ok: false,
        n,
        values: keep,
        message:
          kind === 'setup'
            ? 'This setup link cannot be used any more: it has been used or has expired. Reload this page for what to do next.'
            : 'This invite link cannot be used any more: it has been used, revoked, or has expired. Ask for a new one.',
      };
    return { ok: false, n, values: keep, errors: r.errors };
  }
  const session = await createSession({ kind: 'teacher', teacherId: r.teacher.id });
  await setSessionCookie(TEACHER_COOKIE, session.token, session.expiresAt);
  redirect('/teacher');
}

export async function setupAccountAction(token: string, prev: FormState, form: FormData): Promise<FormState> {
  return createAccount('setup', token, prev, form);
}

export async function inviteAccountAction(token: string, prev: FormState, form: FormData): Promise<FormState> {
  return createAccount('invite', token, prev, form);
}
