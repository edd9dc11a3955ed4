/**
 * Start and stop a production server (`next start`) of this checkout for the
 * gates that need their own server and database (hostile input, database
 * faults): free port, wait until the API answers, kill its process group.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const root = process.cwd();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Server {
  child: ChildProcess;
  base: string;
  /** Everything the server printed (stdout + stderr). */
  log: () => string;
}

export function startServer(port: number, env: Record<string, string>): Server {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a kill reaches every process of the server
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d));
  child.stderr?.on('data', (d: Buffer) => (out += d));
  return { child, base: `http://127.0.0.1:${port}`, log: () => out };
}

/** Wait until the API answers (a JSON 404 for an unknown attempt means Next.js and the database are up). */
export async function waitReady(base: string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/attempts/00000000-0000-4000-8000-000000000000`)).status === 404) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

export function alive(s: Server): boolean {
  return s.child.exitCode === null && s.child.signalCode === null;
}

export function stopServer(s: Server, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (!alive(s)) return Promise.resolve();
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()));
  try {
    process.kill(-s.child.pid!, signal);
  } catch {
    s.child.kill(signal);
  }
  return exited;
}

/** scripts/seed-gate.ts: a teacher with a session, a class and an "immediate" assignment. */
export function seedGate(env: Record<string, string>): { teacherCookie: string; classId: string; assignmentId: string; joinCode: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/seed-gate.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`seed failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}
