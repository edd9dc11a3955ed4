import 'server-only';
/**
 * Teacher accounts come only from single-use links: the setup link printed at
 * first start (while there is no teacher) and invites made by a teacher. No
 * default passwords, no open sign-up.
 */
import { getDb } from '../db/client';
import { isDbUnavailable, isUniqueViolation } from '../db/errors';
import { consumeInvite, createInvite, expireUnusedSetupLinks, INVITE_LINK_DAYS, SETUP_LINK_HOURS, setInviteUsedBy, type InviteKind } from '../db/invites';
import { insertTeacher, teacherCount, type Teacher } from '../db/teachers';
import { env, publicOrigin } from '../env';
import { accountSchema, fieldErrors } from '../validations/teacher';
import { hashPassword } from './password';

export function setupLinkUrl(token: string): string {
  return `${publicOrigin()}/setup/${token}`;
}

export function inviteLinkUrl(token: string): string {
  return `${publicOrigin()}/invite/${token}`;
}

/** A new one-time setup link (valid 24 hours). For first start and for `npm run teacher:setup-link`. */
export async function createSetupLink(): Promise<{ url: string; expiresAt: Date }> {
  const { token, expiresAt } = await createInvite('setup', { ttlMs: SETUP_LINK_HOURS * 3_600_000 });
  return { url: setupLinkUrl(token), expiresAt };
}

/** A single-use invite for another teacher (valid 7 days). */
export async function createInviteLink(teacherId: string): Promise<{ id: string; url: string; expiresAt: Date }> {
  const { id, token, expiresAt } = await createInvite('invite', { createdBy: teacherId, ttlMs: INVITE_LINK_DAYS * 86_400_000 });
  return { id, url: inviteLinkUrl(token), expiresAt };
}

export function setupBanner(url: string): string {
  const line = '='.repeat(78);
  return [
    '',
    line,
    'Close Reader: no teacher account yet. Open this one-time link to create the first one:',
    '',
    `    ${url}`,
    '',
    `The link works once and expires in ${SETUP_LINK_HOURS} hours. If it is lost, restart the server`,
    'or run `npm run teacher:setup-link` for a new one.',
    line,
    '',
  ].join('\n');
}

export type StartupResult = 'teachers-exist' | 'setup-link-printed' | 'db-unavailable' | 'failed';

/**
 * At server start: open the database (applies migrations) and, if there is no
 * teacher yet, print a setup link. Never throws: an unreachable database is
 * reported in plain words and the server keeps starting (pages answer 503-style
 * errors until it is back).
 */
export async function announceSetupLinkIfNeeded(
  opts: { log?: Pick<Console, 'log' | 'error'>; countTeachers?: () => Promise<number> } = {},
): Promise<StartupResult> {
  const log = opts.log ?? console;
  try {
    if ((await (opts.countTeachers ?? teacherCount)()) > 0) return 'teachers-exist';
    const { url } = await createSetupLink();
    log.log(setupBanner(url));
    return 'setup-link-printed';
  } catch (e) {
    let where = 'the embedded database';
    try {
      where = env().DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : `the embedded database (DATA_DIR=${env().DATA_DIR})`;
    } catch {
      /* invalid environment: the message below says so */
    }
    const reason = e instanceof Error ? e.message : String(e);
    if (isDbUnavailable(e)) {
      log.error(`Close Reader: cannot reach ${where} (${reason}). The server is running; pages that need the database will fail until it is reachable. Restart the server once it is, to get the setup link if there is no teacher yet.`);
      return 'db-unavailable';
    }
    log.error(`Close Reader: could not open ${where} at start: ${reason}. The server is running; check the database settings and restart.`);
    return 'failed';
  }
}

export type AccountResult =
  | { ok: true; teacher: Teacher }
  | { ok: false; reason: 'invalid-link' }
  | { ok: false; reason: 'invalid-input'; errors: Record<string, string> };

/**
 * Create a teacher account from a setup or invite link. The link is consumed
 * in the same transaction as the account is created: a taken email leaves the
 * link usable, and a link can never make two accounts.
 */
export async function createAccountFromLink(token: string, kind: InviteKind, input: unknown): Promise<AccountResult> {
  const parsed = accountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid-input', errors: fieldErrors(parsed.error) };
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  class InvalidLink extends Error {}
  try {
    const teacher = await db.transaction(async (tx) => {
      const inviteId = await consumeInvite(tx, token, kind);
      if (!inviteId) throw new InvalidLink();
      const t = await insertTeacher({ name, email, passwordHash }, tx);
      await setInviteUsedBy(tx, inviteId, t.id);
      if (kind === 'setup') await expireUnusedSetupLinks(tx);
      return t;
    });
    return { ok: true, teacher };
  } catch (e) {
    if (e instanceof InvalidLink) return { ok: false, reason: 'invalid-link' };
    if (isUniqueViolation(e)) return { ok: false, reason: 'invalid-input', errors: { email: 'There is already an account with this email. Sign in instead, or use another email.' } };
    throw e;
  }
}
