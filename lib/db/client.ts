import 'server-only';
/**
 * The database connection: the embedded PGlite database in DATA_DIR (default
 * ./data, created on first use) or, when DATABASE_URL is set, a PostgreSQL
 * server through `pg`. Same schema, same queries. Migrations from ./drizzle
 * are applied once per process before the first query (under an advisory lock
 * on PostgreSQL, so several app servers can start at once).
 *
 * The instance lives on globalThis: Next.js may load this module more than
 * once per process, and two PGlite instances must never open one folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { env, dataDir } from '../env';
import { DatabaseOpenError } from './errors';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

interface Handle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

const MIGRATIONS = path.join(process.cwd(), 'drizzle');
const MIGRATION_LOCK = 724_311_001;

type GlobalWithDb = typeof globalThis & { __closeReaderDb?: Promise<Handle> };
const g = globalThis as GlobalWithDb;

async function openPglite(dir: string): Promise<Handle> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  let client: InstanceType<typeof PGlite>;
  try {
    // 'memory://' gives a throwaway in-memory database (tests).
    if (!dir.startsWith('memory://')) fs.mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir);
  } catch (e) {
    console.error(`Close Reader: the embedded database in ${dir} cannot be opened: ${(e as Error).message}`);
    throw new DatabaseOpenError(`embedded database in ${dir} cannot be opened`, { cause: e });
  }
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}

async function openPostgres(url: string): Promise<Handle> {
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzle({ client: pool, schema });
  const conn = await pool.connect();
  try {
    await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle({ client: conn, schema }), { migrationsFolder: MIGRATIONS });
  } finally {
    await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    conn.release();
  }
  return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
}

/** The database, opened and migrated on first call. A failed open is retried on the next call. */
export function getDbHandle(): Promise<Handle> {
  if (!g.__closeReaderDb) {
    const url = env().DATABASE_URL;
    const opening = url ? openPostgres(url) : openPglite(dataDir());
    g.__closeReaderDb = opening;
    opening.catch(() => {
      if (g.__closeReaderDb === opening) g.__closeReaderDb = undefined;
    });
  }
  return g.__closeReaderDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Close the connection (tests, scripts, graceful shutdown). */
export async function closeDb(): Promise<void> {
  const h = g.__closeReaderDb;
  g.__closeReaderDb = undefined;
  if (h) await (await h).close();
}

/** A cheap query proving the database answers (health checks). */
export async function pingDb(): Promise<boolean> {
  try {
    await (await getDb()).execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
