/**
 * Tells "the database is not reachable right now" (retry later: 503) apart
 * from real bugs (500) and from constraint violations the caller handles.
 */
const UNAVAILABLE_CODES = new Set(['DB_OPEN_FAILED', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

/** Thrown when the database cannot be opened at all (e.g. DATA_DIR cannot be created): retryable, 503. */
export class DatabaseOpenError extends Error {
  readonly code = 'DB_OPEN_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

export function isDbUnavailable(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { code?: string; message?: string; cause?: unknown };
    if (err.code && (UNAVAILABLE_CODES.has(err.code) || err.code.startsWith('08'))) return true;
    if (err.message && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|server closed the connection unexpectedly/i.test(err.message)) return true;
    cur = err.cause;
  }
  return false;
}

/** Postgres unique_violation (23505), looking through drizzle's wrapping. */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if ((cur as { code?: string }).code === '23505') return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
