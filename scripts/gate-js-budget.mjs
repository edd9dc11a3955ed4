#!/usr/bin/env node
// JavaScript budget gate, after `next build` (Next 16 no longer prints sizes).
//
// First-load JavaScript of a route = every <script src> in the HTML that
// `next start` serves for it (what a browser fetches before the page is
// interactive; the `nomodule` polyfills that modern browsers skip are left
// out), each chunk gzipped (zlib default level, as `next start` compresses).
// Routes are fetched from a real server on a fresh embedded database, with a
// teacher signed in (session cookie) and a student who joined, so the
// signed-in pages are measured, not their redirects.
//
// Prints a table per route; for the reader page, each chunk with its size and
// what it holds (Next.js/React/runtime by fingerprint, the app's client
// components by their module ids in the build's client manifests).
// Limits: reader page < 230 KB gzipped. No chunk the browser can load (first
// load or lazy) may contain wink-nlp, its English model, the grading engine or
// rubric text. zod in client chunks is reported (size, routes).
// Exit 1 on any miss.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { freePort, gateLine, requireBuild, root, seed, startServer, stopServer, studentsAnswer, waitReady } from './gate-lib.mjs';

const READER = '/articles/eurasia-daily-monitor-kazakhstan';
const READER_BUDGET_KB = 230;
const next = path.join(root, '.next');
const KB = (n) => (n / 1024).toFixed(1);

requireBuild('gate-js-budget');
const t0 = Date.now();

// ---- what is in the build --------------------------------------------------

const buildManifest = JSON.parse(fs.readFileSync(path.join(next, 'build-manifest.json'), 'utf8'));
const frameworkFiles = new Set(buildManifest.rootMainFiles.map((f) => `/_next/${f}`));

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Client module id -> module path, and every chunk the client manifests name. */
const moduleById = new Map();
const manifestChunks = new Set();
for (const f of walk(path.join(next, 'server', 'app')).filter((f) => f.endsWith('_client-reference-manifest.js'))) {
  const g = globalThis;
  g.__RSC_MANIFEST = {};
  // The manifest is a tiny script that assigns globalThis.__RSC_MANIFEST[route].
  new Function(fs.readFileSync(f, 'utf8'))();
  for (const m of Object.values(g.__RSC_MANIFEST)) {
    for (const [p, v] of Object.entries(m.clientModules ?? {})) {
      moduleById.set(String(v.id), p.replace('[project]/', ''));
      for (const c of v.chunks) manifestChunks.add(c);
    }
    for (const list of Object.values(m.entryJSFiles ?? {})) for (const c of list) manifestChunks.add(`/_next/${c}`);
  }
}

const fileCache = new Map();
function chunk(url) {
  if (!fileCache.has(url)) {
    const file = path.join(next, url.replace(/^\/_next\//, '').split('?')[0]);
    const buf = fs.readFileSync(file);
    fileCache.set(url, { url, text: buf.toString('utf8'), raw: buf.length, gz: zlib.gzipSync(buf).length });
  }
  return fileCache.get(url);
}

/** Every JavaScript file of this build a browser can load: manifests, then chunks named inside chunks (lazy imports). */
function buildChunks() {
  const seen = new Set([...frameworkFiles, ...buildManifest.polyfillFiles.map((f) => `/_next/${f}`), ...manifestChunks]);
  const queue = [...seen];
  while (queue.length) {
    const url = queue.pop();
    let text;
    try {
      text = chunk(url).text;
    } catch {
      continue;
    }
    for (const m of text.matchAll(/static\/chunks\/[\w.-]+\.js/g)) {
      const u = `/_next/${m[0]}`;
      if (!seen.has(u) && fs.existsSync(path.join(next, m[0]))) {
        seen.add(u);
        queue.push(u);
      }
    }
  }
  return [...seen].filter((u) => u.endsWith('.js'));
}

// Libraries recognised by strings their code keeps after minification.
const FINGERPRINTS = [
  { name: 'react (core)', re: /\.cloneElement=function/ },
  { name: 'react/jsx-runtime', re: /\.jsxs=/ },
  { name: 'react-dom client (renderer, hydration)', re: /hydrateRoot|__reactContainer\$/ },
  { name: 'scheduler', re: /unstable_scheduleCallback/ },
  { name: 'react-server-dom (RSC payload reader)', re: /createFromReadableStream/ },
  { name: 'Next.js client bootstrap (hydrates from self.__next_f)', re: /__next_f/ },
  { name: 'Next.js app router runtime (navigation, prefetch, cache)', re: /next-router-state-tree/ },
  { name: 'Next.js built-in polyfills', re: /"trimStart"in String\.prototype/ },
  { name: 'next/link', re: /useLinkStatus/ },
  { name: 'Next.js global-error page', re: /WarningIcon/ },
  { name: 'zod', re: /ZodError|\$ZodType/ },
];

// The app's own client code inside a chunk (modules that are not client entry points have no id in the manifests).
const APP_PARTS = [
  { name: 'choice widget', re: /Select all that apply\./ },
  { name: 'sort (classify) widget', re: /classify-item/ },
  { name: 'highlight widget + lib/exercise/selection, article-dom', re: /Use selected words/ },
  { name: 'written-answer widget', re: /counter--over/ },
  { name: 'feedback view', re: /Partly there\./ },
  { name: 'lib/exercise/progress (localStorage)', re: /close-reader:exercise:/ },
  { name: 'classroom autosave (lib/exercise/outbox)', re: /Offline — will retry/ },
];

function describe(url) {
  const c = chunk(url);
  const what = [];
  if (/\/turbopack-[\w-]+\.js$/.test(url)) what.push('Turbopack runtime (module loader)');
  if (buildManifest.polyfillFiles.some((f) => url.endsWith(f))) what.push('legacy polyfills (nomodule: not loaded by modern browsers)');
  const app = [];
  for (const [id, p] of moduleById)
    if (new RegExp(`[\\[,]${id},(?:\\d+,)*(?:\\([\\w$,]*\\)|[\\w$]+)=>`).test(c.text)) (p.startsWith('node_modules/') ? what : app).push(p.replace(/^node_modules\/next\/dist\/(esm\/)?/, 'next/'));
  for (const f of FINGERPRINTS) if (f.re.test(c.text) && !what.some((w) => w.startsWith(f.name))) what.push(f.name);
  if (app.length) for (const f of APP_PARTS) if (f.re.test(c.text)) app.push(`(${f.name})`);
  return { ...c, framework: frameworkFiles.has(url), what, app };
}

// ---- what must never reach a browser -----------------------------------------

function forbidden() {
  const list = [
    { what: 'wink-nlp', s: 'wink-nlp: invalid model used.' },
    { what: 'wink-nlp', s: 'winkNLP: input word must be of type string.' },
    { what: 'wink-eng-lite-web-model', s: 'alkalify' },
    { what: 'wink-eng-lite-web-model', s: 'acetify' },
    { what: 'grading engine (lib/grading)', s: 'Choose an answer first.' },
    { what: 'grading engine (lib/grading)', s: 'Sort at least one item first.' },
    { what: 'grading engine (lib/grading)', s: 'Type your answer first.' },
    { what: 'grading engine (lib/grading/text)', s: ' is close enough to the rubric word ' },
    { what: 'grading engine (lib/grading/text)', s: 'say says said said think know get got make made' },
    { what: 'rubric schema (lib/grading/text)', s: 'a concept reference is "name", "not name" or "either name"' },
  ];
  // Rubric phrases (long ones that are not simply words of the article) and criterion ids.
  for (const dir of fs.readdirSync(path.join(root, 'content'))) {
    const file = path.join(root, 'content', dir, 'rubric.yaml');
    if (!fs.existsSync(file)) continue;
    const rubric = parseYaml(fs.readFileSync(file, 'utf8'));
    const article = fs.readFileSync(path.join(root, 'content', dir, 'article.md'), 'utf8').toLowerCase();
    const lists = [rubric.concepts ?? {}, ...Object.values(rubric.questions ?? {}).map((q) => q.concepts ?? {})];
    for (const phrase of lists.flatMap((l) => Object.values(l).flat()).map(String))
      if (phrase.length >= 16 && !article.includes(phrase.toLowerCase())) list.push({ what: `rubric (content/${dir}/rubric.yaml)`, s: phrase });
  }
  return list;
}

// ---- measuring ---------------------------------------------------------------

function scriptsOf(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1];
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (!src || /\bnomodule\b/i.test(attrs)) continue;
    const url = src.replace(/&amp;/g, '&').split('?')[0];
    if (!out.includes(url)) out.push(url);
  }
  return out;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'close-reader-jsbudget-'));
let server;
let ok = true;
try {
  const s = seed(dataDir);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = startServer(port, { DATA_DIR: dataDir });
  await waitReady(base, server);
  const student = await studentsAnswer(base, s, { count: 3, inProgress: 1 });
  const teacher = { cookie: s.cookie };
  const a = `/teacher/assignments/${s.assignmentId}`;
  const routes = [
    { name: 'home', path: '/' },
    { name: 'reader', path: READER },
    { name: 'join', path: '/join' },
    { name: 'join with code', path: `/join/${s.joinCode}` },
    { name: 'resume', path: '/resume' },
    { name: 'attempt (student)', path: `/attempts/${student.attemptId}`, cookie: student.cookie },
    { name: 'signin', path: '/signin' },
    { name: 'teacher: classes', path: '/teacher', ...teacher },
    { name: 'teacher: class', path: `/teacher/classes/${s.classId}`, ...teacher },
    { name: 'teacher: assignment', path: a, ...teacher },
    { name: 'teacher: review', path: `${a}/review`, ...teacher },
    { name: 'teacher: analysis', path: `${a}/analysis`, ...teacher },
    { name: 'teacher: preview', path: `${a}/preview`, ...teacher },
    { name: 'teacher: invites', path: '/teacher/invites', ...teacher },
    { name: 'not found (404)', path: '/no-such-page', status: 404 },
  ];

  const sizes = new Map();
  console.log(`gate-js-budget: first-load JavaScript per route (gzipped), build ${fs.readFileSync(path.join(next, 'BUILD_ID'), 'utf8').trim()}`);
  console.log(`${'route'.padEnd(22)} ${'path'.padEnd(44)} ${'chunks'.padStart(6)} ${'KB gz'.padStart(8)} ${'KB raw'.padStart(8)}`);
  for (const r of routes) {
    // Redirects are followed (the review queue pins its first answer in the URL), but never to the sign-in page.
    const res = await fetch(base + r.path, { headers: r.cookie ? { cookie: r.cookie } : {} });
    const html = await res.text();
    if (res.status !== (r.status ?? 200)) throw new Error(`${r.name}: ${r.path} answered ${res.status}, expected ${r.status ?? 200}`);
    if (r.cookie && new URL(res.url).pathname.startsWith('/signin')) throw new Error(`${r.name}: ${r.path} sent the session to the sign-in page`);
    const urls = scriptsOf(html);
    if (!urls.length) throw new Error(`${r.name}: no <script src> in ${r.path}`);
    const cs = urls.map(chunk);
    const gz = cs.reduce((t, c) => t + c.gz, 0);
    const raw = cs.reduce((t, c) => t + c.raw, 0);
    sizes.set(r.name, { urls, gz });
    const shortPath = r.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').replace(s.joinCode, '<code>');
    console.log(`${r.name.padEnd(22)} ${shortPath.padEnd(44)} ${String(urls.length).padStart(6)} ${KB(gz).padStart(8)} ${KB(raw).padStart(8)}`);
  }
  const fw = [...frameworkFiles].map(chunk);
  console.log(`(framework shared by every page: ${fw.length} chunks, ${KB(fw.reduce((t, c) => t + c.gz, 0))} KB gz)`);

  const reader = sizes.get('reader');
  console.log(`\nreader page chunks (${READER}):`);
  console.log(`${'chunk'.padEnd(34)} ${'KB gz'.padStart(7)} ${'KB raw'.padStart(7)}  what it holds`);
  for (const url of reader.urls) {
    const d = describe(url);
    const holds = [...d.what, ...(d.app.length ? [`app: ${d.app.join(', ')}`] : [])].join('; ') || '?';
    console.log(`${path.basename(url).padEnd(34)} ${KB(d.gz).padStart(7)} ${KB(d.raw).padStart(7)}  ${d.framework ? '[framework] ' : ''}${holds}`);
  }
  ok = gateLine('js-budget reader first-load KB gz', KB(reader.gz), `< ${READER_BUDGET_KB}`, reader.gz / 1024 < READER_BUDGET_KB) && ok;

  // Nothing server-only in anything the browser can load.
  const all = buildChunks();
  const leaks = [];
  for (const url of all) {
    const { text } = chunk(url);
    for (const f of forbidden()) if (text.includes(f.s)) leaks.push(`${path.basename(url)}: ${f.what} ("${f.s.slice(0, 50)}")`);
  }
  for (const l of leaks) console.log(`  forbidden in a client chunk: ${l}`);
  ok = gateLine('js-budget server-only code in client', `${leaks.length} (${all.length} chunks)`, '0', leaks.length === 0) && ok;

  // zod in the browser: which chunks, how big, which routes load it first.
  const zod = all.filter((u) => /ZodError|\$ZodType/.test(chunk(u).text));
  const zodRoutes = [...sizes].filter(([, v]) => v.urls.some((u) => zod.includes(u))).map(([k]) => k);
  console.log(
    zod.length
      ? `zod in client chunks: ${zod.map((u) => `${path.basename(u)} ${KB(chunk(u).gz)} KB gz`).join(', ')}; first load on: ${zodRoutes.join(', ') || 'no route (lazy only)'}`
      : 'zod in client chunks: none',
  );
  ok = gateLine('js-budget zod on the reader page', reader.urls.some((u) => zod.includes(u)) ? 'yes' : 'no', 'no', !reader.urls.some((u) => zod.includes(u))) && ok;
} catch (e) {
  ok = false;
  console.error(`gate-js-budget: ${e instanceof Error ? e.message : String(e)}`);
  if (server?.output) console.error(server.output.slice(-3000));
} finally {
  await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`gate-js-budget: ${ok ? 'PASS' : 'FAIL'} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(ok ? 0 : 1);
