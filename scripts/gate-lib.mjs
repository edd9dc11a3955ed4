// Shared helpers for the gates in scripts/gate-*.mjs: start and stop the
// production server (`next start`, which needs a previous `next build`), seed
// test data in a fresh embedded database, have students join and answer
// through the app's own API, and print gate lines.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function requireBuild(gate) {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.error(`${gate}: no production build in .next: run \`npm run build\` first.`);
    process.exit(2);
  }
}

/** GATE_PORT when set (a fixed port), else a free one from the OS. */
export function freePort() {
  if (process.env.GATE_PORT) return Promise.resolve(Number(process.env.GATE_PORT));
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** `next start` in its own process group; server output is kept and shown only on failure. */
export function startServer(port, env) {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.output = '';
  const keep = (d) => {
    child.output = (child.output + d).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return child;
}

/** Wait until `path` answers `status` (default: the home page, 200). */
export async function waitReady(base, child, { path: p = '/', status = 200, timeoutMs = 60_000 } = {}) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${child.output}`);
    try {
      const r = await fetch(base + p);
      await r.arrayBuffer();
      if (r.status === status) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`the server did not answer ${p} with ${status} in time:\n${child.output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 10_000);
  await done;
  clearTimeout(timer);
}

/** Teacher + session + class + assignment in DATA_DIR=dataDir (before the server opens it). See scripts/gate-seed.ts. */
export function seed(dataDir) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/gate-seed.ts', dataDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  if (r.status !== 0) throw new Error(`seeding failed:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const TEXTS = [
  'Tekushev',
  'The only source is Islam Tekushev and his study, so nobody else confirms it.',
  'The main source is Islam Tekushev, the director of an information agency, who prepared the study. A careful reader wants a second, independent source because one person could be biased or mistaken, and nobody else can check it.',
  'The website is radical so it may want to exaggerate or hide things, and the figures are two years old, so they may be out of date.',
  '',
];
const pick = (xs, n) => xs[n % xs.length];

/** A varied but realistic answer of student n to question q (some right, some wrong, some partial). */
function answerFor(q, n, paragraphs) {
  switch (q.kind) {
    case 'choice':
      return { choice: q.multiple ? q.options.filter((_, i) => (n + i) % 3 !== 0) : [pick(q.options, n)] };
    case 'classify':
      return { assignments: Object.fromEntries(q.items.slice(0, 2 + (n % (q.items.length - 1))).map((item, i) => [item, pick(q.categories, n + i)])) };
    case 'highlight': {
      const words = (paragraphs[(q.paragraphs[0] ?? 1) - 1] ?? '').split(/\s+/).filter(Boolean);
      const start = (n * 7) % Math.max(1, words.length - 4);
      return { quote: words.slice(start, start + 2 + (n % 4)).join(' ') };
    }
    case 'short':
      return { text: pick(['seven', '7', 'about 7 attacks', 'dozens', 'Tekushev says seven'], n) };
    default:
      return { text: pick(TEXTS, n + q.id.length) || 'I do not know' };
  }
}

/**
 * `count` students join the assignment and answer every question through the
 * API (graded by the server at save time); all but `inProgress` of them submit.
 * Returns the first student's attempt id and cookie.
 */
export async function studentsAnswer(base, s, { count = 30, inProgress = 4 } = {}) {
  let first = null;
  const one = async (n) => {
    const res = await fetch(`${base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: s.joinCode, name: STUDENT_NAMES[n % STUDENT_NAMES.length] }) });
    if (res.status !== 201) throw new Error(`join failed: ${res.status} ${await res.text()}`);
    const { attemptId } = await res.json();
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    if (n === 0) first = { attemptId, cookie };
    let seq = 0;
    for (const q of s.questions) {
      if (n >= count - inProgress && seq >= 6) break; // in progress: only the first questions
      const r = await fetch(`${base}/api/attempts/${attemptId}/answers/${q.id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ answer: answerFor(q, n, s.paragraphs), seq: ++seq }),
      });
      if (r.status !== 200) throw new Error(`save failed: ${r.status} ${await r.text()}`);
    }
    if (n < count - inProgress) {
      const r = await fetch(`${base}/api/attempts/${attemptId}/submit`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
      if (r.status !== 200) throw new Error(`submit failed: ${r.status} ${await r.text()}`);
    }
  };
  await one(0); // loads the grading models once
  for (let n = 1; n < count; n += 5) await Promise.all(Array.from({ length: Math.min(5, count - n) }, (_, i) => one(n + i)));
  return first;
}

const STUDENT_NAMES = [
  'Amira Haddad', 'Ben Carter', 'Chloé Martin', 'Dmitri Volkov', 'Emily Zhang', 'Farid Nurlanov', 'Grace Okafor', 'Hugo Silva',
  'Isla MacLeod', 'Jonas Weber', 'Kenji Sato', 'Laila Rahimi', 'Mateo García', 'Nadia Petrova', 'Oliver Brown', 'Priya Sharma',
  'Quentin Dubois', 'Rosa Jiménez', 'Samuel Mensah', 'Tara Kelly', 'Umar Aliyev', 'Valentina Rossi', 'William Johnson', 'Xenia Ivanova',
  'Yusuf Demir', 'Zoe Thompson', 'Aisha Bello', 'Bruno Costa', 'Camille Laurent', 'Daniyar Seitkali',
];

/** One gate line: `gate: name  figure=…  limit=…  PASS|FAIL`. Returns ok. */
export function gateLine(name, figure, limit, ok) {
  console.log(`gate: ${name.padEnd(34)} figure=${String(figure).padEnd(12)} limit=${String(limit).padEnd(10)} ${ok ? 'PASS' : 'FAIL'}`);
  return ok;
}
