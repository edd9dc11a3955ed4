import 'server-only';
/**
 * Teacher sign-in: rate limited per account and per client address (counters
 * in the database, so the limits hold across app servers), one generic error
 * for a wrong email or password, and the same work either way so response
 * times do not reveal which emails have accounts.
 */
import { hitRateLimit, resetRateLimit } from '../db/rate-limit';
import { findTeacherByEmail } from '../db/teachers';
import { fieldErrors, signInSchema } from '../validations/teacher';
import { verifyAgainstDummy, verifyPassword } from './password';

/** Attempts per account per window (a correct password resets it). */
export const SIGNIN_ACCOUNT_LIMIT = 5;
/** Attempts per client address per window: generous, a whole school may share one address. */
export const SIGNIN_IP_LIMIT = 30;
export const SIGNIN_WINDOW_SECONDS = 15 * 60;

export const SIGNIN_FAILED = 'Email or password is not right.';

export type SignInResult =
  | { ok: true; teacherId: string }
  | { ok: false; reason: 'invalid-input'; errors: Record<string, string> }
  | { ok: false; reason: 'wrong'; message: string }
  | { ok: false; reason: 'limited'; message: string; retryAfter: number };

export function tooManyMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export function accountKey(email: string): string {
  return `signin:acct:${email}`;
}

export function ipKey(ip: string): string {
  return `signin:ip:${ip}`;
}

/**
 * Every attempt counts against both limits before the password is checked, so
 * parallel guesses cannot slip past the counter; success resets the account's.
 */
export async function signIn(input: unknown, ip: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid-input', errors: fieldErrors(parsed.error) };
  const { email, password } = parsed.data;

  const byIp = await hitRateLimit(ipKey(ip), SIGNIN_IP_LIMIT, SIGNIN_WINDOW_SECONDS);
  if (!byIp.allowed) return { ok: false, reason: 'limited', message: tooManyMessage(byIp.retryAfter), retryAfter: byIp.retryAfter };
  const byAccount = await hitRateLimit(accountKey(email), SIGNIN_ACCOUNT_LIMIT, SIGNIN_WINDOW_SECONDS);
  if (!byAccount.allowed) return { ok: false, reason: 'limited', message: tooManyMessage(byAccount.retryAfter), retryAfter: byAccount.retryAfter };

  const teacher = await findTeacherByEmail(email);
  const ok = teacher ? await verifyPassword(password, teacher.passwordHash) : await verifyAgainstDummy(password);
  if (!ok || !teacher) return { ok: false, reason: 'wrong', message: SIGNIN_FAILED };
  await resetRateLimit(accountKey(email));
  return { ok: true, teacherId: teacher.id };
}
