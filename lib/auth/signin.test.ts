import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { closeDb } from '../db/client';
import { insertTeacher } from '../db/teachers';
import { hashPassword } from './password';
import { SIGNIN_ACCOUNT_LIMIT, SIGNIN_FAILED, SIGNIN_IP_LIMIT, signIn, tooManyMessage } from './signin';

afterAll(() => closeDb());

const PASSWORD = 'the right password';
let hash: Promise<string> | undefined;
async function teacher() {
  hash ??= hashPassword(PASSWORD);
  return insertTeacher({ name: 'T', email: `${randomUUID()}@school.test`, passwordHash: await hash });
}
const ip = () => `198.51.100.${randomUUID()}`;

describe('sign-in', () => {
  it('signs in with the right email (any case) and password', async () => {
    const t = await teacher();
    expect(await signIn({ email: `  ${t.email.toUpperCase()} `, password: PASSWORD }, ip())).toEqual({ ok: true, teacherId: t.id });
  });

  it('gives the same generic error for a wrong password and an unknown email', async () => {
    const t = await teacher();
    const wrong = await signIn({ email: t.email, password: 'not the password' }, ip());
    const unknown = await signIn({ email: `${randomUUID()}@school.test`, password: PASSWORD }, ip());
    expect(wrong).toEqual({ ok: false, reason: 'wrong', message: SIGNIN_FAILED });
    expect(unknown).toEqual(wrong);
    expect(SIGNIN_FAILED).toBe('Email or password is not right.');
  });

  it('names missing fields', async () => {
    const r = await signIn({ email: '', password: '' }, ip());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason === 'invalid-input' && Object.keys(r.errors).sort()).toEqual(['email', 'password']);
  });

  it(`limits each account to ${SIGNIN_ACCOUNT_LIMIT} attempts per window, from any address, even with the right password`, async () => {
    const t = await teacher();
    for (let i = 0; i < SIGNIN_ACCOUNT_LIMIT; i++) expect((await signIn({ email: t.email, password: 'wrong password' }, ip())).ok).toBe(false);
    const limited = await signIn({ email: t.email, password: PASSWORD }, ip());
    expect(limited.ok).toBe(false);
    if (limited.ok || limited.reason !== 'limited') throw new Error('expected limited');
    expect(limited.message).toBe('Too many attempts. Try again in 15 minutes.');
    expect(limited.retryAfter).toBeGreaterThan(14 * 60);
    // Another account is not affected.
    const other = await teacher();
    expect((await signIn({ email: other.email, password: PASSWORD }, ip())).ok).toBe(true);
  });

  it('a successful sign-in resets the account counter', async () => {
    const t = await teacher();
    for (let i = 0; i < SIGNIN_ACCOUNT_LIMIT - 1; i++) await signIn({ email: t.email, password: 'wrong password' }, ip());
    expect((await signIn({ email: t.email, password: PASSWORD }, ip())).ok).toBe(true);
    for (let i = 0; i < SIGNIN_ACCOUNT_LIMIT - 1; i++) expect((await signIn({ email: t.email, password: 'wrong password' }, ip())).ok).toBe(false);
    expect((await signIn({ email: t.email, password: PASSWORD }, ip())).ok).toBe(true);
  });

  it(`limits each address to ${SIGNIN_IP_LIMIT} attempts per window across accounts`, async () => {
    const addr = ip();
    for (let i = 0; i < SIGNIN_IP_LIMIT; i++) {
      const r = await signIn({ email: `${randomUUID()}@school.test`, password: 'guess password' }, addr);
      expect(!r.ok && r.reason).toBe('wrong');
    }
    const t = await teacher();
    const limited = await signIn({ email: t.email, password: PASSWORD }, addr);
    expect(!limited.ok && limited.reason).toBe('limited');
    expect((await signIn({ email: t.email, password: PASSWORD }, ip())).ok).toBe(true);
  });

  it('says minutes in plain words', () => {
    expect(tooManyMessage(30)).toBe('Too many attempts. Try again in 1 minute.');
    expect(tooManyMessage(61)).toBe('Too many attempts. Try again in 2 minutes.');
  });
});
