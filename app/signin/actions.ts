'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/signin';
import { readSessionToken, setSessionCookie, TEACHER_COOKIE } from '@/lib/auth/cookies';
import { createSession, deleteSession } from '@/lib/db/sessions';
import { clientIp } from '@/lib/http/ip';
import { formValues, safeNextPath, type FormState } from '@/lib/validations/teacher';

export async function signInAction(prev: FormState, form: FormData): Promise<FormState> {
  const n = (prev.n ?? 0) + 1;
  const input = formValues(form, ['email', 'password', 'next']);
  const values = { email: input.email ?? '' };
  const r = await signIn(input, clientIp(await headers()));
  if (!r.ok) {
    if (r.reason === 'invalid-input') return { ok: false, n, values, errors: r.errors };
    return { ok: false, n, values, message: r.message };
  }
  // A fresh session on every sign-in; the old one (if any) stops working.
  const old = await readSessionToken(TEACHER_COOKIE);
  if (old) await deleteSession(old);
  const session = await createSession({ kind: 'teacher', teacherId: r.teacherId });
  await setSessionCookie(TEACHER_COOKIE, session.token, session.expiresAt);
  redirect(safeNextPath(input.next));
}
