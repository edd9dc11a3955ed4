/** The sign-in and sign-out actions with Next's request APIs replaced by small fakes. */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';

const jar = vi.hoisted(() => ({ cookies: new Map<string, string>(), ip: '203.0.113.1' }));

vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': jar.ip }) }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT:${to}`);
  },
}));
vi.mock('@/lib/auth/cookies', () => ({
  TEACHER_COOKIE: 'cr_teacher',
  readSessionToken: async (name: string) => jar.cookies.get(name),
  setSessionCookie: async (name: string, token: string) => void jar.cookies.set(name, token),
  clearSessionCookie: async (name: string) => void jar.cookies.delete(name),
}));

import { closeDb } from '@/lib/db/client';
import { findSession } from '@/lib/db/sessions';
import { insertTeacher } from '@/lib/db/teachers';
import { hashPassword } from '@/lib/auth/password';
import { signInAction } from './actions';
import { signOutAction } from '../signout/actions';

afterAll(() => closeDb());
beforeEach(() => {
  jar.cookies.clear();
  jar.ip = `203.0.113.${randomUUID()}`;
});

const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const PASSWORD = 'the right password';
const teacher = async () => insertTeacher({ name: 'T', email: `${randomUUID()}@school.test`, passwordHash: await hashPassword(PASSWORD) });

describe('sign-in action', () => {
  it('signs in, sets a session cookie, and goes to a same-site next path only', async () => {
    const t = await teacher();
    await expect(signInAction({}, form({ email: t.email, password: PASSWORD, next: '/teacher/invites' }))).rejects.toThrow('REDIRECT:/teacher/invites');
    const first = jar.cookies.get('cr_teacher')!;
    expect(await findSession(first)).toEqual({ kind: 'teacher', teacherId: t.id });

    await expect(signInAction({}, form({ email: t.email, password: PASSWORD, next: 'https://evil.example/' }))).rejects.toThrow('REDIRECT:/teacher');
    // Signing in again replaces the old session.
    expect(await findSession(first)).toBeNull();
    expect(await findSession(jar.cookies.get('cr_teacher')!)).toEqual({ kind: 'teacher', teacherId: t.id });
  });

  it('keeps the email, never the password, and says "not right" generically; then "too many attempts"', async () => {
    const t = await teacher();
    let state = {};
    for (let i = 0; i < 5; i++) {
      state = await signInAction(state, form({ email: t.email, password: 'wrong password', next: '/teacher' }));
      expect(state).toMatchObject({ ok: false, values: { email: t.email }, message: 'Email or password is not right.' });
      expect(JSON.stringify(state)).not.toContain('wrong password');
    }
    expect(await signInAction(state, form({ email: t.email, password: PASSWORD }))).toMatchObject({ ok: false, message: 'Too many attempts. Try again in 15 minutes.' });
    expect(jar.cookies.has('cr_teacher')).toBe(false);
  });
});

describe('sign-out action', () => {
  it('deletes the session in the database and the cookie', async () => {
    const t = await teacher();
    await expect(signInAction({}, form({ email: t.email, password: PASSWORD }))).rejects.toThrow('REDIRECT:/teacher');
    const token = jar.cookies.get('cr_teacher')!;
    await expect(signOutAction()).rejects.toThrow('REDIRECT:/signin?signedout=1');
    expect(jar.cookies.has('cr_teacher')).toBe(false);
    expect(await findSession(token)).toBeNull();
  });
});
