import 'server-only';
/**
 * Teacher passwords, hashed with scrypt from node:crypto (memory-hard: each
 * guess costs 32 MiB and tens of milliseconds, so a leaked table is slow to
 * attack). Stored as `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the
 * cost can be raised later and old hashes still verify. Comparison is
 * constant-time.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PASSWORD_MAX, PASSWORD_MIN } from '../validations/teacher';

export { PASSWORD_MAX, PASSWORD_MIN };

const DEFAULT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Refuse absurd parameters from a tampered row (memory/CPU exhaustion). */
const MAX_N = 2 ** 20;

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is just too small for N=2^15, r=8. */
function maxmem(N: number, r: number): number {
  return 128 * N * r * 2;
}

/** The same password typed on different keyboards/platforms gives the same bytes. */
function normalize(password: string): string {
  return password.normalize('NFC');
}

export async function hashPassword(password: string, params: { N: number; r: number; p: number } = DEFAULT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(normalize(password), salt, KEY_BYTES, { N: params.N, r: params.r, p: params.p, maxmem: maxmem(params.N, params.r) });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface Parsed {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((x) => (/^\d{1,8}$/.test(x ?? '') ? Number(x) : NaN)) as [number, number, number];
  if (!Number.isInteger(N) || N < 2 || N > MAX_N || (N & (N - 1)) !== 0) return null;
  if (!Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const hash = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || hash.length < 16) return null;
  return { N, r, p, salt, hash };
}

/** True when the password matches the stored hash. A malformed hash never matches (and never throws). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || password.length > PASSWORD_MAX) return false;
  const key = await scrypt(normalize(password), parsed.salt, parsed.hash.length, {
    N: parsed.N,
    r: parsed.r,
    p: parsed.p,
    maxmem: maxmem(parsed.N, parsed.r),
  });
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

let dummy: Promise<string> | undefined;
/**
 * Spend the same time as a real check when there is no such account, so the
 * response time does not tell which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-password-0000');
  await verifyPassword(password.slice(0, PASSWORD_MAX), await dummy);
  return false;
}
