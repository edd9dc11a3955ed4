/**
 * isDbUnavailable against the errors `pg` really throws when PostgreSQL goes
 * away (made here with fake servers, no PostgreSQL needed), also wrapped by
 * drizzle: all must be "unavailable" (503, retry), while real bugs are not.
 */
import net from 'node:net';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import { isDbUnavailable } from './errors';

/** A TCP server that does `behave` with every connection; returns its port. */
async function fakeServer(behave: (s: net.Socket) => void): Promise<{ port: number; close: () => void }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => {
    sockets.push(s);
    behave(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

async function freeClosedPort(): Promise<number> {
  const s = await fakeServer(() => undefined);
  s.close();
  return s.port;
}

describe('isDbUnavailable on real pg failures', () => {
  it('connection refused (server stopped), directly and through a drizzle query', async () => {
    const port = await freeClosedPort();
    const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'x', database: 'x', connectionTimeoutMillis: 2000 });
    pool.on('error', () => undefined);
    const e1 = await errorOf(pool.query('select 1'));
    expect((e1 as { code?: string }).code).toBe('ECONNREFUSED');
    expect(isDbUnavailable(e1)).toBe(true);
    const e2 = await errorOf(drizzle({ client: pool }).execute(sql`select 1`));
    expect(isDbUnavailable(e2)).toBe(true);
    await pool.end();
  });

  it('"localhost" refused on both addresses (AggregateError)', async () => {
    const port = await freeClosedPort();
    const client = new pg.Client({ host: 'localhost', port, user: 'x', database: 'x' });
    const e = await errorOf(client.connect());
    expect(isDbUnavailable(e)).toBe(true);
  });

  it('"Connection terminated unexpectedly" (server killed mid-conversation)', async () => {
    const srv = await fakeServer((s) => s.once('data', () => s.destroy()));
    const client = new pg.Client({ host: '127.0.0.1', port: srv.port, user: 'x', database: 'x' });
    client.on('error', () => undefined);
    const e = await errorOf(client.connect());
    expect(String((e as Error).message)).toMatch(/Connection terminated unexpectedly/);
    expect(isDbUnavailable(e)).toBe(true);
    srv.close();
  });

  it('pool connect timeout (server accepts but never answers)', async () => {
    const srv = await fakeServer(() => undefined);
    const pool = new pg.Pool({ host: '127.0.0.1', port: srv.port, user: 'x', database: 'x', connectionTimeoutMillis: 300 });
    pool.on('error', () => undefined);
    const e = await errorOf(pool.query('select 1'));
    expect(isDbUnavailable(e)).toBe(true);
    const e2 = await errorOf(drizzle({ client: pool }).execute(sql`select 1`));
    expect(isDbUnavailable(e2)).toBe(true);
    await pool.end().catch(() => undefined);
    srv.close();
  });

  it('server-side codes: 57P01 admin shutdown, 57P03 cannot connect now, 08006 connection failure, 53300 too many connections', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '53300'])
      expect(isDbUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code }))).toBe(true);
    expect(isDbUnavailable(new Error('terminating connection due to administrator command'))).toBe(true);
    expect(isDbUnavailable({ message: 'Query failed', cause: Object.assign(new Error('x'), { code: '57P01' }) })).toBe(true);
  });

  it('real bugs are not "unavailable"', () => {
    expect(isDbUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDbUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDbUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDbUnavailable(null)).toBe(false);
  });
});

describe('database that cannot be opened', () => {
  it('counts as unavailable (503), not as a bug', async () => {
    const { DatabaseOpenError, isDbUnavailable: unavailable } = await import('./errors');
    expect(unavailable(new DatabaseOpenError('x', { cause: Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' }) }))).toBe(true);
    expect(unavailable(new Error('some bug'))).toBe(false);
  });
});
