import 'server-only';
/**
 * Fixed-window rate limiting with counters in the database, so the limit holds
 * across every app server. One atomic upsert per hit: the window restarts when
 * it has expired, otherwise the count goes up.
 */
import { sql } from 'drizzle-orm';
import { getDb } from './client';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
}

export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const db = await getDb();
  const res = await db.execute<{ count: number; window_start: string | Date }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end
    returning count, window_start`);
  const row = (res as unknown as { rows: { count: number; window_start: string | Date }[] }).rows[0];
  const count = Number(row?.count ?? 1);
  const start = new Date(row?.window_start ?? Date.now()).getTime();
  const retryAfter = Math.max(1, Math.ceil((start + windowSeconds * 1000 - Date.now()) / 1000));
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfter };
}

/** Forget a key (e.g. after a successful sign-in, reset the per-account failure counter). */
export async function resetRateLimit(key: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}
