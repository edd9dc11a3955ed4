'use server';
/**
 * The join and resume forms' server actions: the same validation, limits and
 * database calls as POST /api/join and /api/resume, so the forms work with and
 * without JavaScript.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { joinSchema, resumeSchema } from '@/lib/validations/student';
import { clientIp } from '@/lib/http/ip';
import { joinWithLimits, resumeWithLimits } from '@/lib/db/attempts';
import { JOIN_MESSAGES, RESUME_MISS_MESSAGE, tooManyMessage } from '@/lib/classroom/limits';
import { setSessionCookie, STUDENT_COOKIE } from '@/lib/auth/cookies';
import { isDbUnavailable } from '@/lib/db/errors';
import type { JoinFormState, ResumeFormState } from '@/lib/classroom/forms';

const UNAVAILABLE = 'The server cannot reach its database right now. Wait a moment and try again.';

function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

export async function joinAction(_prev: JoinFormState, form: FormData): Promise<JoinFormState> {
  const values = { code: String(form.get('code') ?? '').slice(0, 100), name: String(form.get('name') ?? '').slice(0, 400) };
  const parsed = joinSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', values, errors: fieldErrors(parsed.error) };
  try {
    const out = await joinWithLimits(clientIp(await headers()), parsed.data.code, parsed.data.name);
    if (!out.ok) {
      if (out.reason === 'rate_limited') return { status: 'error', values, errors: { form: tooManyMessage(out.what, out.retryAfter) } };
      return { status: 'error', values, errors: { code: out.reason === 'closed' ? JOIN_MESSAGES.closed : JOIN_MESSAGES.notFound } };
    }
    await setSessionCookie(STUDENT_COOKIE, out.token, out.expiresAt);
    return { status: 'joined', values: { code: '', name: out.displayName }, errors: {}, attemptId: out.attemptId, resumeCode: out.resumeCode };
  } catch (e) {
    if (isDbUnavailable(e)) return { status: 'error', values, errors: { form: UNAVAILABLE } };
    throw e;
  }
}

export async function resumeAction(_prev: ResumeFormState, form: FormData): Promise<ResumeFormState> {
  const values = { code: String(form.get('code') ?? '').slice(0, 100), resumeCode: String(form.get('resumeCode') ?? '').slice(0, 100) };
  const parsed = resumeSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', values, errors: fieldErrors(parsed.error) };
  let attemptId: string;
  try {
    const out = await resumeWithLimits(clientIp(await headers()), parsed.data.code, parsed.data.resumeCode);
    if (!out.ok) return { status: 'error', values, errors: { form: out.reason === 'rate_limited' ? tooManyMessage(out.what, out.retryAfter) : RESUME_MISS_MESSAGE } };
    await setSessionCookie(STUDENT_COOKIE, out.token, out.expiresAt);
    attemptId = out.attemptId;
  } catch (e) {
    if (isDbUnavailable(e)) return { status: 'error', values, errors: { form: UNAVAILABLE } };
    throw e;
  }
  redirect(`/attempts/${attemptId}`);
}
