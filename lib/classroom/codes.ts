/**
 * Resume codes: 8 characters from the unambiguous alphabet, shown as
 * "ABCD-EFGH" and accepted in any case, with or without the dash or spaces.
 */
import { CODE_ALPHABET } from '../auth/tokens';

export const RESUME_CODE_LENGTH = 8;

export function formatResumeCode(code: string): string {
  return code.length === RESUME_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** True when a normalised code could be a resume code (right length and alphabet). */
export function looksLikeResumeCode(normalized: string): boolean {
  return normalized.length === RESUME_CODE_LENGTH && [...normalized].every((c) => CODE_ALPHABET.includes(c));
}
