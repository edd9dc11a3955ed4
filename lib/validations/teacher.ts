/**
 * Teacher account inputs (first-start setup, invite acceptance, sign-in,
 * invites), shared by the forms and the server. Also the small shape every
 * teacher-side form action returns, so forms can show errors beside fields.
 */
import { z } from 'zod';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(EMAIL_MAX, `An email address has at most ${EMAIL_MAX} characters.`)
  .pipe(z.email('Enter an email address like name@school.org.'));

export const teacherNameSchema = z
  .string({ error: 'Enter your name.' })
  .trim()
  .min(1, 'Enter your name.')
  .max(NAME_MAX, `Use at most ${NAME_MAX} characters.`);

export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => p.trim().length > 0, 'A password cannot be only spaces.');

/** Creating an account from the setup link or an invite link. */
export const accountSchema = z
  .object({
    name: teacherNameSchema,
    email: emailSchema,
    password: newPasswordSchema,
    confirm: z.string({ error: 'Type the password again.' }).max(PASSWORD_MAX, 'The two passwords are not the same.'),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords are not the same.' });
export type AccountInput = z.infer<typeof accountSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(PASSWORD_MAX, 'Email or password is not right.'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const inviteIdSchema = z.object({ inviteId: z.uuid('Unknown invite.') });

/** Where to go after sign-in: only a path on this site (never `//host` or `https://...`). */
export function safeNextPath(next: unknown, fallback = '/teacher'): string {
  if (typeof next !== 'string' || next.length > 500) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\\]/.test(next)) return fallback;
  try {
    const u = new URL(next, 'http://same.invalid');
    if (u.origin !== 'http://same.invalid') return fallback;
    return u.pathname + u.search + u.hash;
  } catch {
    return fallback;
  }
}

/** What a form action returns: field errors, a form-level message, and what was typed (to keep it). */
export interface FormState {
  ok?: boolean;
  /** A message for the whole form (role="alert" when not ok). */
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** Bumped on every submission, so forms can re-mount with the returned values. */
  n?: number;
}

/** The first error per field of a failed zod parse. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** Plain string fields of a form (files and repeated keys ignored), each cut to `max` characters. */
export function formValues(form: FormData, names: readonly string[], max = 5_000): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = form.get(n);
    if (typeof v === 'string') out[n] = v.slice(0, max);
  }
  return out;
}
