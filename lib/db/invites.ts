import 'server-only';
/**
 * Single-use links: the first-start setup link and teacher invites. Only the
 * SHA-256 hash of a link's token is stored; the token itself exists only in
 * the printed or copied link. Using a link is one atomic UPDATE … WHERE
 * used_at IS NULL AND expires_at > now(), so two people racing with the same
 * link cannot both get an account.
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type Db } from './client';
import { invites } from './schema';
import { hashToken, newToken } from '../auth/tokens';

export type InviteKind = 'setup' | 'invite';

export const SETUP_LINK_HOURS = 24;
export const INVITE_LINK_DAYS = 7;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Tokens are 43 base64url characters; anything else cannot be one of ours (no query needed). */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

export async function createInvite(kind: InviteKind, opts: { createdBy?: string | null; ttlMs: number }): Promise<{ id: string; token: string; expiresAt: Date }> {
  const db = await getDb();
  const token = newToken();
  const expiresAt = new Date(Date.now() + opts.ttlMs);
  const [row] = await db
    .insert(invites)
    .values({ kind, tokenHash: hashToken(token), createdBy: opts.createdBy ?? null, expiresAt })
    .returning({ id: invites.id });
  if (!row) throw new Error('insert returned no row');
  return { id: row.id, token, expiresAt };
}

/** Whether the link can still be used (to show the form or the "link not valid" page). */
export async function inviteUsable(token: string, kind: InviteKind): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const db = await getDb();
  const [row] = await db
    .select({ id: invites.id })
    .from(invites)
    .where(and(eq(invites.tokenHash, hashToken(token)), eq(invites.kind, kind), isNull(invites.usedAt), gt(invites.expiresAt, sql`now()`)))
    .limit(1);
  return Boolean(row);
}

/** Mark the link used, atomically, inside the caller's transaction. Null when unknown, used, expired or of another kind. */
export async function consumeInvite(tx: Tx, token: string, kind: InviteKind): Promise<string | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await tx
    .update(invites)
    .set({ usedAt: sql`now()` })
    .where(and(eq(invites.tokenHash, hashToken(token)), eq(invites.kind, kind), isNull(invites.usedAt), gt(invites.expiresAt, sql`now()`)))
    .returning({ id: invites.id });
  return row?.id ?? null;
}

export async function setInviteUsedBy(tx: Tx, inviteId: string, teacherId: string): Promise<void> {
  await tx.update(invites).set({ usedBy: teacherId }).where(eq(invites.id, inviteId));
}

/** Once the first account exists, any other setup link still lying in a console log stops working. */
export async function expireUnusedSetupLinks(tx: Tx): Promise<void> {
  await tx.update(invites).set({ expiresAt: sql`now()` }).where(and(eq(invites.kind, 'setup'), isNull(invites.usedAt), gt(invites.expiresAt, sql`now()`)));
}

export interface OpenInvite {
  id: string;
  createdAt: Date;
  expiresAt: Date;
}

/** The teacher's own invites that can still be used. */
export async function listOpenInvites(teacherId: string): Promise<OpenInvite[]> {
  const db = await getDb();
  return db
    .select({ id: invites.id, createdAt: invites.createdAt, expiresAt: invites.expiresAt })
    .from(invites)
    .where(and(eq(invites.createdBy, teacherId), eq(invites.kind, 'invite'), isNull(invites.usedAt), gt(invites.expiresAt, sql`now()`)))
    .orderBy(asc(invites.createdAt));
}

/** Revoke one of the teacher's own unused invites. False when it is not theirs, already used, or gone. */
export async function revokeInvite(teacherId: string, inviteId: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .delete(invites)
    .where(and(eq(invites.id, inviteId), eq(invites.createdBy, teacherId), eq(invites.kind, 'invite'), isNull(invites.usedAt)))
    .returning({ id: invites.id });
  return rows.length > 0;
}
