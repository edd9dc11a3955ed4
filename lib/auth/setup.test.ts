import { afterAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '../db/client';
import { invites, teachers } from '../db/schema';
import { createInvite, inviteUsable, listOpenInvites, revokeInvite } from '../db/invites';
import { getTeacher } from '../db/teachers';
import { hashToken } from './tokens';
import { announceSetupLinkIfNeeded, createAccountFromLink, createInviteLink, createSetupLink } from './setup';
import { verifyPassword } from './password';

afterAll(() => closeDb());

const tokenOf = (url: string) => url.split('/').pop()!;
const account = (over: Record<string, string> = {}) => ({
  name: 'Ms Example',
  email: `${randomUUID()}@school.test`,
  password: 'a long password',
  confirm: 'a long password',
  ...over,
});

describe('first start', () => {
  it('prints one setup link when there is no teacher; the link creates the first account', async () => {
    const log = { log: vi.fn(), error: vi.fn() };
    expect(await announceSetupLinkIfNeeded({ log, countTeachers: async () => 0 })).toBe('setup-link-printed');
    expect(log.log).toHaveBeenCalledTimes(1);
    const text = String(log.log.mock.calls[0]![0]);
    expect(text).toContain('Close Reader: no teacher account yet. Open this one-time link to create the first one:');
    const url = /(http\S+\/setup\/\S+)/.exec(text)![1]!;
    expect(url).toMatch(/^http:\/\/localhost:\d+\/setup\/[A-Za-z0-9_-]{43}$/);
    expect(await inviteUsable(tokenOf(url), 'setup')).toBe(true);
    const r = await createAccountFromLink(tokenOf(url), 'setup', account());
    expect(r.ok).toBe(true);
  });

  it('prints nothing when teachers exist', async () => {
    const log = { log: vi.fn(), error: vi.fn() };
    expect(await announceSetupLinkIfNeeded({ log, countTeachers: async () => 2 })).toBe('teachers-exist');
    expect(log.log).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('does not throw when the database is unreachable: prints a clear message', async () => {
    const log = { log: vi.fn(), error: vi.fn() };
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(await announceSetupLinkIfNeeded({ log, countTeachers: () => Promise.reject(refused) })).toBe('db-unavailable');
    expect(String(log.error.mock.calls[0]![0])).toMatch(/cannot reach .*database/);
    const other = new Error('relation does not exist');
    expect(await announceSetupLinkIfNeeded({ log, countTeachers: () => Promise.reject(other) })).toBe('failed');
  });

  it('stores only a hash of the token', async () => {
    const { url } = await createSetupLink();
    const token = tokenOf(url);
    const db = await getDb();
    const rows = await db.select().from(invites).where(eq(invites.tokenHash, hashToken(token)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('setup');
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    expect(JSON.stringify(await db.select().from(invites))).not.toContain(token);
  });
});

describe('setup link', () => {
  it('creates the teacher with a hashed password, and works only once', async () => {
    const { url } = await createSetupLink();
    const token = tokenOf(url);
    const input = account();
    const r = await createAccountFromLink(token, 'setup', input);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const db = await getDb();
    const [row] = await db.select().from(teachers).where(eq(teachers.id, r.teacher.id));
    expect(row!.email).toBe(input.email);
    expect(row!.passwordHash).not.toContain(input.password);
    expect(await verifyPassword(input.password, row!.passwordHash)).toBe(true);
    const [inv] = await db.select().from(invites).where(eq(invites.tokenHash, hashToken(token)));
    expect(inv!.usedAt).not.toBeNull();
    expect(inv!.usedBy).toBe(r.teacher.id);

    expect(await inviteUsable(token, 'setup')).toBe(false);
    expect(await createAccountFromLink(token, 'setup', account())).toEqual({ ok: false, reason: 'invalid-link' });
  });

  it('two simultaneous uses of one link make exactly one account', async () => {
    const { url } = await createSetupLink();
    const results = await Promise.all([1, 2, 3].map(() => createAccountFromLink(tokenOf(url), 'setup', account())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'invalid-link')).toHaveLength(2);
  });

  it('an expired link does not work', async () => {
    const { token } = await createInvite('setup', { ttlMs: -1000 });
    expect(await inviteUsable(token, 'setup')).toBe(false);
    expect(await createAccountFromLink(token, 'setup', account())).toEqual({ ok: false, reason: 'invalid-link' });
  });

  it('once an account exists, other unused setup links stop working', async () => {
    const a = tokenOf((await createSetupLink()).url);
    const b = tokenOf((await createSetupLink()).url);
    expect((await createAccountFromLink(a, 'setup', account())).ok).toBe(true);
    expect(await inviteUsable(b, 'setup')).toBe(false);
  });

  it('unknown and malformed tokens are invalid; a setup token is not an invite token', async () => {
    expect(await createAccountFromLink('x'.repeat(43), 'setup', account())).toEqual({ ok: false, reason: 'invalid-link' });
    expect(await createAccountFromLink("'; drop table teachers; --", 'setup', account())).toEqual({ ok: false, reason: 'invalid-link' });
    const t = tokenOf((await createSetupLink()).url);
    expect(await inviteUsable(t, 'invite')).toBe(false);
    expect(await createAccountFromLink(t, 'invite', account())).toEqual({ ok: false, reason: 'invalid-link' });
    expect(await inviteUsable(t, 'setup')).toBe(true);
  });

  it('bad input names the field and leaves the link usable', async () => {
    const t = tokenOf((await createSetupLink()).url);
    const r = await createAccountFromLink(t, 'setup', account({ password: 'short', confirm: 'short' }));
    expect(r).toEqual({ ok: false, reason: 'invalid-input', errors: { password: 'Use at least 10 characters.' } });
    expect(await inviteUsable(t, 'setup')).toBe(true);
  });

  it('an email that already has an account is refused and the link stays usable', async () => {
    const first = account();
    expect((await createAccountFromLink(tokenOf((await createSetupLink()).url), 'setup', first)).ok).toBe(true);
    const t = tokenOf((await createSetupLink()).url);
    const r = await createAccountFromLink(t, 'setup', account({ email: first.email.toUpperCase() }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason === 'invalid-input' && r.errors.email).toMatch(/already an account/);
    expect(await inviteUsable(t, 'setup')).toBe(true);
  });
});

describe('teacher invites', () => {
  async function makeTeacher() {
    const r = await createAccountFromLink(tokenOf((await createSetupLink()).url), 'setup', account());
    if (!r.ok) throw new Error('setup failed');
    return r.teacher;
  }

  it('a teacher invites another; the invite is single use and expires in 7 days', async () => {
    const a = await makeTeacher();
    const inv = await createInviteLink(a.id);
    expect(inv.url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(Math.round((inv.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(7);
    expect((await listOpenInvites(a.id)).map((i) => i.id)).toContain(inv.id);

    const input = account({ name: 'Mr Second' });
    const r = await createAccountFromLink(tokenOf(inv.url), 'invite', input);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await getTeacher(r.teacher.id)).toEqual({ id: r.teacher.id, name: 'Mr Second', email: input.email });
    expect((await listOpenInvites(a.id)).map((i) => i.id)).not.toContain(inv.id);
    expect(await createAccountFromLink(tokenOf(inv.url), 'invite', account())).toEqual({ ok: false, reason: 'invalid-link' });
  });

  it('an invite token cannot be used as a setup link', async () => {
    const a = await makeTeacher();
    const inv = await createInviteLink(a.id);
    expect(await createAccountFromLink(tokenOf(inv.url), 'setup', account())).toEqual({ ok: false, reason: 'invalid-link' });
    expect(await inviteUsable(tokenOf(inv.url), 'invite')).toBe(true);
  });

  it('only the inviting teacher sees and revokes their invite; a revoked invite does not work', async () => {
    const a = await makeTeacher();
    const b = await makeTeacher();
    const inv = await createInviteLink(a.id);
    expect((await listOpenInvites(b.id)).map((i) => i.id)).not.toContain(inv.id);
    expect(await revokeInvite(b.id, inv.id)).toBe(false);
    expect(await inviteUsable(tokenOf(inv.url), 'invite')).toBe(true);
    expect(await revokeInvite(a.id, inv.id)).toBe(true);
    expect(await revokeInvite(a.id, inv.id)).toBe(false);
    expect(await inviteUsable(tokenOf(inv.url), 'invite')).toBe(false);
    expect(await createAccountFromLink(tokenOf(inv.url), 'invite', account())).toEqual({ ok: false, reason: 'invalid-link' });
  });
});
