/**
 * Durability of autosaves on the embedded database: start the production
 * server on a fresh DATA_DIR, let students fire a burst of concurrent saves,
 * SIGKILL the server in the middle of it, restart it on the same folder, and
 * check that every save that had been answered 200 is there (stored seq at
 * least the acknowledged one). No browser: HTTP only. Needs the production
 * build (`npm run test:e2e` builds first).
 */
import { test, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = process.cwd();
const QUESTIONS = ['main-source', 'other-sources', 'single-source', 'attribution-phrase', 'who-says', 'attack-count'];

function answerFor(q: string, n: number): unknown {
  switch (q) {
    case 'main-source':
      return { choice: [n % 2 ? 'tekushev' : 'officials'] };
    case 'other-sources':
      return { choice: ['officials', 'kavkaz'].slice(0, 1 + (n % 2)) };
    case 'attribution-phrase':
      return { quote: n % 2 ? 'Tekushev reports' : 'Tekushev' };
    case 'who-says':
      return { assignments: { attacks: n % 2 ? 'tekushev' : 'none' } };
    default:
      return { text: `Revision ${n}: Islam Tekushev is the only source, so nobody can check it.` };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function start(port: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '' },
    stdio: 'ignore',
    detached: true, // its own process group, so the kill reaches every process of the server
  });
}

async function waitReady(base: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/attempts/00000000-0000-4000-8000-000000000000`)).status === 404) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal);
  }
  return exited;
}

test('every save answered 200 survives a SIGKILL of the server mid-burst', async () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'close-reader-durability-'));
  const servers: ChildProcess[] = [];
  try {
    // Test data goes in before the server opens the folder (one process per PGlite folder).
    const seeded = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/bench-load.ts', '--seed', dataDir], { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    expect(seeded.status, seeded.stderr).toBe(0);
    const { joinCode } = JSON.parse(seeded.stdout.trim().split('\n').at(-1)!) as { joinCode: string };

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    servers.push(start(port, dataDir));
    await waitReady(base);

    const students: { attemptId: string; cookie: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: joinCode, name: `Student ${i}` }) });
      expect(res.status).toBe(201);
      const { attemptId } = (await res.json()) as { attemptId: string };
      students.push({ attemptId, cookie: res.headers.get('set-cookie')!.split(';')[0]! });
    }

    // The burst: every student saves continuously, several requests in flight each.
    const acked: { attemptId: string; questionId: string; seq: number }[] = [];
    let killed = false;
    let failedAfterKill = 0;
    const burst = students.map(async (s) => {
      let seq = 0;
      const lanes = Array.from({ length: 3 }, async () => {
        while (!killed) {
          const q = QUESTIONS[seq % QUESTIONS.length]!;
          const mySeq = ++seq;
          try {
            const res = await fetch(`${base}/api/attempts/${s.attemptId}/answers/${q}`, {
              method: 'PUT',
              headers: { 'content-type': 'application/json', cookie: s.cookie },
              body: JSON.stringify({ answer: answerFor(q, mySeq), seq: mySeq }),
            });
            if (res.status === 200) acked.push({ attemptId: s.attemptId, questionId: q, seq: ((await res.json()) as { seq: number }).seq });
            else expect(res.status, await res.text()).toBe(200);
          } catch {
            if (killed) failedAfterKill++;
            else await new Promise((r) => setTimeout(r, 20));
          }
        }
      });
      await Promise.all(lanes);
    });

    // Kill once the burst is well under way, with requests certainly in flight.
    const until = Date.now() + 30_000;
    while (acked.length < 300 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    expect(acked.length).toBeGreaterThanOrEqual(300);
    await kill(servers[0]!, 'SIGKILL');
    killed = true;
    await Promise.all(burst);
    const acknowledged = [...acked];

    // Restart on the same folder: the database recovers and must hold every acknowledged save.
    const port2 = await freePort();
    const base2 = `http://127.0.0.1:${port2}`;
    servers.push(start(port2, dataDir));
    await waitReady(base2);

    const best = new Map<string, number>();
    for (const a of acknowledged) best.set(`${a.attemptId}/${a.questionId}`, Math.max(best.get(`${a.attemptId}/${a.questionId}`) ?? 0, a.seq));
    let lost = 0;
    for (const s of students) {
      const res = await fetch(`${base2}/api/attempts/${s.attemptId}`, { headers: { cookie: s.cookie } });
      expect(res.status).toBe(200);
      const view = (await res.json()) as { answers: Record<string, { seq: number }> };
      for (const q of QUESTIONS) {
        const want = best.get(`${s.attemptId}/${q}`);
        if (want !== undefined && (view.answers[q]?.seq ?? -1) < want) lost++;
      }
    }
    console.log(`durability: ${acknowledged.length} saves acknowledged before SIGKILL, ${failedAfterKill} requests cut off by it, lost after restart: ${lost}`);
    expect(lost).toBe(0);

    // And the restarted server keeps taking saves.
    const s0 = students[0]!;
    const after = await fetch(`${base2}/api/attempts/${s0.attemptId}/answers/attack-count`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie: s0.cookie }, body: JSON.stringify({ answer: { text: 'seven' }, seq: 1_000_000 }) });
    expect(after.status).toBe(200);
  } finally {
    for (const s of servers) await kill(s, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
