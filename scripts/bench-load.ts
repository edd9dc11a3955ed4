/**
 * `npm run bench:load [-- --students 300 --revisions 3 --questions 15 --think-ms 3000 --ramp-ms 30000]`
 *
 * Load test of a class at work: starts the production server (building it
 * first if there is no build) on a free port with a fresh embedded database
 * (or the PostgreSQL database in DATABASE_URL), creates a teacher, class and
 * assignment directly in the database before the server opens it, then
 * simulates N students at once (joining over `ramp-ms`, as a year group
 * arriving in class): each joins, autosaves `questions` answers
 * `revisions` times each (realistic answers of every kind, a pause between
 * saves like a student typing), and submits. Prints requests/s, p50/p99
 * latency per endpoint and errors; then stops the server and checks in the
 * database that every save answered 200 is stored ("lost: 0").
 *
 * `--seed DIR` only creates the test data in DATA_DIR=DIR and prints
 * {"joinCode": ...} (used by the durability test).
 *
 * Exit code 1 when there were errors or lost saves.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const EXERCISE_ID = 'kazakhstan-jihadist-movement';

function arg(name: string, fallback: number): number;
function arg(name: string, fallback: string | undefined): string | undefined;
function arg(name: string, fallback: number | string | undefined) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  if (typeof fallback === 'number') {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a number`);
    return n;
  }
  return v;
}

/** Create a teacher, a class and an assignment; returns the join code. The database must not be open elsewhere. */
async function seed(dataDir: string | undefined): Promise<{ joinCode: string; assignmentId: string }> {
  if (dataDir) process.env.DATA_DIR = dataDir;
  const [{ getDb, closeDb }, schema, { newCode }] = await Promise.all([import('../lib/db/client'), import('../lib/db/schema'), import('../lib/auth/tokens')]);
  const db = await getDb();
  const [teacher] = await db.insert(schema.teachers).values({ email: `bench-${randomUUID()}@example.test`, name: 'Bench Teacher', passwordHash: 'not-a-login' }).returning();
  const [klass] = await db.insert(schema.classes).values({ teacherId: teacher!.id, name: 'Load test' }).returning();
  const joinCode = newCode(8);
  const [assignment] = await db.insert(schema.assignments).values({ classId: klass!.id, exerciseId: EXERCISE_ID, title: 'Load test', joinCode, feedbackMode: 'after-submit' }).returning();
  await closeDb();
  return { joinCode, assignmentId: assignment!.id };
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

function startServer(port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', () => undefined);
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[server] ${d}`));
  return child;
}

async function waitReady(base: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      // Any JSON answer from the API means Next.js and the database are both up.
      const r = await fetch(`${base}/api/attempts/00000000-0000-4000-8000-000000000000`);
      if (r.status === 404) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error('server did not start in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const done = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 10_000);
  await done;
  clearTimeout(timer);
}

// ---- realistic answers ----------------------------------------------------

interface Q {
  id: string;
  kind: string;
  options?: string[];
  items?: string[];
  categories?: string[];
  paragraphs: number[];
}

const TEXTS = [
  'Tekushev',
  'The source is Islam Tekushev and his study. One source is not enough',
  'The main source is Islam Tekushev, the director of an information agency, who prepared the study. A careful reader wants a second, independent source because one person could be biased, mistaken or could not be checked by anyone else.',
  'The website is radical so it may want to exaggerate or hide things, and it was two years ago so it may be out of date. Nobody else confirms it.',
];

function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(Math.random() * xs.length)]!;
}

function answerFor(q: Q, revision: number, paragraphs: string[]): unknown {
  switch (q.kind) {
    case 'choice':
      return { choice: [pick(q.options!)] };
    case 'classify':
      return { assignments: Object.fromEntries(q.items!.slice(0, 1 + revision * 2).map((i) => [i, pick(q.categories!)])) };
    case 'highlight': {
      const words = (paragraphs[(q.paragraphs[0] ?? 1) - 1] ?? '').split(/\s+/).filter(Boolean);
      const start = Math.floor(Math.random() * Math.max(1, words.length - 4));
      return { quote: words.slice(start, start + 2 + revision).join(' ') };
    }
    case 'short':
      return { text: pick(['seven', '7', 'about 7 attacks', 'dozens']) };
    default:
      return { text: TEXTS[Math.min(revision, TEXTS.length - 1)]! + (revision > 1 ? ` ${pick(TEXTS)}` : '') };
  }
}

async function loadQuestions(): Promise<{ questions: Q[]; paragraphs: string[] }> {
  const { getExercise } = await import('../lib/content/load');
  const loaded = getExercise(EXERCISE_ID);
  if (!loaded) throw new Error(`no exercise ${EXERCISE_ID}`);
  const questions: Q[] = loaded.exercise.sections.flatMap((s) =>
    s.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      paragraphs: [...q.paragraphs],
      ...(q.kind === 'choice' ? { options: q.options.map((o) => o.id) } : {}),
      ...(q.kind === 'classify' ? { items: q.items.map((i) => i.id), categories: q.categories.map((c) => c.id) } : {}),
    })),
  );
  return { questions, paragraphs: loaded.article.paragraphs };
}

// ---- measuring ------------------------------------------------------------

const latencies: Record<string, number[]> = { join: [], save: [], submit: [] };
const errors: Record<string, number> = {};
const errorSamples: string[] = [];
let requests = 0;

async function timed(endpoint: 'join' | 'save' | 'submit', url: string, init: RequestInit): Promise<Response | null> {
  const t0 = performance.now();
  requests++;
  try {
    const res = await fetch(url, init);
    latencies[endpoint]!.push(performance.now() - t0);
    if (!res.ok) {
      errors[endpoint] = (errors[endpoint] ?? 0) + 1;
      if (errorSamples.length < 5) errorSamples.push(`${endpoint} ${res.status} ${await res.text().catch(() => '')}`);
      return null;
    }
    return res;
  } catch (e) {
    errors[endpoint] = (errors[endpoint] ?? 0) + 1;
    if (errorSamples.length < 5) errorSamples.push(`${endpoint} ${(e as Error).message}`);
    return null;
  }
}

function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Acked {
  attemptId: string;
  questionId: string;
  seq: number;
}

async function student(base: string, joinCode: string, n: number, opts: { questions: Q[]; paragraphs: string[]; revisions: number; thinkMs: number; rampMs: number }, acked: Acked[], submitted: string[]) {
  await sleep(Math.random() * opts.rampMs);
  const res = await timed('join', `${base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: joinCode, name: `Student ${n % 250}` }) });
  if (!res) return;
  const { attemptId } = (await res.json()) as { attemptId: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  let seq = 0;
  for (let r = 0; r < opts.revisions; r++) {
    for (const q of [...opts.questions].sort(() => Math.random() - 0.5)) {
      await sleep(opts.thinkMs * (0.5 + Math.random()));
      seq++;
      const body = JSON.stringify({ answer: answerFor(q, r, opts.paragraphs), seq });
      const saved = await timed('save', `${base}/api/attempts/${attemptId}/answers/${q.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body });
      if (saved) {
        const b = (await saved.json()) as { seq: number };
        acked.push({ attemptId, questionId: q.id, seq: b.seq });
      }
    }
  }
  await sleep(opts.thinkMs * Math.random());
  const key = randomUUID();
  const sub = await timed('submit', `${base}/api/attempts/${attemptId}/submit`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ idempotencyKey: key }) });
  if (sub) submitted.push(attemptId);
}

/** One student answers every question once before measuring: loads the grading models and warms the server, as in a running class. */
async function warmUp(base: string, joinCode: string, questions: Q[], paragraphs: string[]): Promise<void> {
  const res = await fetch(`${base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: joinCode, name: 'Warm-up' }) });
  if (res.status !== 201) throw new Error(`warm-up join failed: ${res.status} ${await res.text()}`);
  const { attemptId } = (await res.json()) as { attemptId: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  let seq = 0;
  for (const q of questions) {
    const r = await fetch(`${base}/api/attempts/${attemptId}/answers/${q.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ answer: answerFor(q, 2, paragraphs), seq: ++seq }) });
    if (r.status !== 200) throw new Error(`warm-up save failed: ${r.status} ${await r.text()}`);
  }
  await fetch(`${base}/api/attempts/${attemptId}`, { headers: { cookie } });
}

async function verify(dataDir: string | undefined, acked: Acked[], submitted: string[]): Promise<{ lost: number; notSubmitted: number }> {
  if (dataDir) process.env.DATA_DIR = dataDir;
  const [{ getDb, closeDb }, { sql }] = await Promise.all([import('../lib/db/client'), import('drizzle-orm')]);
  const db = await getDb();
  const res = (await db.execute(sql`select attempt_id, question_id, seq from answers`)) as unknown as { rows: { attempt_id: string; question_id: string; seq: number }[] };
  const stored = new Map(res.rows.map((r) => [`${r.attempt_id}/${r.question_id}`, Number(r.seq)]));
  let lost = 0;
  for (const a of acked) if ((stored.get(`${a.attemptId}/${a.questionId}`) ?? -1) < a.seq) lost++;
  const st = (await db.execute(sql`select id, status from attempts`)) as unknown as { rows: { id: string; status: string }[] };
  const status = new Map(st.rows.map((r) => [r.id, r.status]));
  const notSubmitted = submitted.filter((id) => status.get(id) !== 'submitted').length;
  await closeDb();
  return { lost, notSubmitted };
}

async function main() {
  const seedDir = arg('seed', undefined);
  if (seedDir !== undefined) {
    console.log(JSON.stringify(await seed(seedDir)));
    return;
  }
  const students = arg('students', 300);
  const revisions = arg('revisions', 3);
  const questionCount = arg('questions', 15);
  const thinkMs = arg('think-ms', 3000);
  const rampMs = arg('ramp-ms', 30000);
  const usePostgres = !!process.env.DATABASE_URL;

  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('No production build: building first (npm run build)…');
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const dataDir = usePostgres ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'close-reader-bench-'));
  const { questions: allQuestions, paragraphs } = await loadQuestions();
  const questions = allQuestions.slice(0, questionCount);
  const { joinCode } = await seed(dataDir);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`bench:load: ${students} students × ${questions.length} questions × ${revisions} revisions, pause ~${thinkMs} ms between saves, on ${usePostgres ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}, ${os.cpus().length} CPU cores`);
  const server = startServer(port, dataDir ? { DATA_DIR: dataDir } : {});
  let exitCode = 0;
  try {
    await waitReady(base);
    await warmUp(base, joinCode, questions, paragraphs);
    const acked: Acked[] = [];
    const submitted: string[] = [];
    const t0 = performance.now();
    await Promise.all(Array.from({ length: students }, (_, i) => student(base, joinCode, i, { questions, paragraphs, revisions, thinkMs, rampMs }, acked, submitted)));
    const seconds = (performance.now() - t0) / 1000;
    await stopServer(server);

    const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
    console.log(`\nrequests: ${requests} in ${seconds.toFixed(1)} s = ${(requests / seconds).toFixed(1)} requests/s`);
    console.log('endpoint   count    p50 ms   p99 ms   max ms   errors');
    for (const [name, xs] of Object.entries(latencies))
      console.log(`${name.padEnd(9)} ${String(xs.length).padStart(6)} ${pct(xs, 50).toFixed(1).padStart(9)} ${pct(xs, 99).toFixed(1).padStart(8)} ${Math.max(0, ...xs).toFixed(1).padStart(8)} ${String(errors[name] ?? 0).padStart(8)}`);
    console.log(`errors: ${errorCount}`);
    for (const s of errorSamples) console.log(`  e.g. ${s.slice(0, 300)}`);
    const { lost, notSubmitted } = await verify(dataDir, acked, submitted);
    console.log(`acknowledged saves: ${acked.length}, submissions: ${submitted.length} (not stored as submitted: ${notSubmitted})`);
    console.log(`lost: ${lost}`);
    const p99 = Math.max(...Object.values(latencies).map((xs) => pct(xs, 99)).filter(Number.isFinite));
    console.log(p99 < 250 ? `p99 under 250 ms: yes (${p99.toFixed(1)} ms worst endpoint)` : `p99 under 250 ms: NO (${p99.toFixed(1)} ms worst endpoint)`);
    if (errorCount > 0 || lost > 0 || notSubmitted > 0) exitCode = 1;
  } finally {
    await stopServer(server);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
