/**
 * Random tokens and short human codes. Tokens (session cookies, setup and
 * invite links) are 256-bit and stored only as SHA-256 hashes, so a database
 * leak does not hand out sessions. Codes students type use an alphabet without
 * look-alike characters (no 0/O, 1/I/L).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Unambiguous characters for codes a person reads and types. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** Normalise a typed code: upper-case, without spaces or dashes ("abc-234" = "ABC234"). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
