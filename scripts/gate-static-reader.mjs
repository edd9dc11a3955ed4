#!/usr/bin/env node
// Static reader gate, after `next build`: the reader pages are statically
// generated and need no database.
//  1. The build's prerender manifest lists every article's reader page
//     (/articles/<slug> for each folder in content/), and the prerendered
//     HTML is in the build.
//  2. `next start` with no usable database at all (DATA_DIR below a regular
//     file, so it can never be created; no DATABASE_URL) still serves each
//     reader page 200 from the prerendered HTML (x-nextjs-cache: HIT), and the
//     self-study check API grades an answer of every question kind.
//  3. The same server really has no database: a route that needs one
//     (POST /api/join) fails (so passing 2 is not luck).
// Exit 1 on any miss.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, gateLine, requireBuild, root, startServer, stopServer, waitReady } from './gate-lib.mjs';

requireBuild('gate-static-reader');
const t0 = Date.now();
const next = path.join(root, '.next');
const slugs = fs.readdirSync(path.join(root, 'content'), { withFileTypes: true }).filter((e) => e.isDirectory() && fs.existsSync(path.join(root, 'content', e.name, 'article.md'))).map((e) => e.name);
let ok = true;

// 1. Prerendered at build time.
const prerender = JSON.parse(fs.readFileSync(path.join(next, 'prerender-manifest.json'), 'utf8'));
const missing = slugs.filter((slug) => {
  const route = prerender.routes[`/articles/${slug}`];
  const html = path.join(next, 'server', 'app', 'articles', `${slug}.html`);
  return !route || route.initialRevalidateSeconds !== false || !fs.existsSync(html);
});
for (const m of missing) console.log(`  not prerendered (or revalidating): /articles/${m}`);
ok = gateLine('static reader prerendered pages', `${slugs.length - missing.length} of ${slugs.length}`, `${slugs.length} of ${slugs.length}`, missing.length === 0 && slugs.length > 0) && ok;

// 2 and 3. A server without any database.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'close-reader-nodb-'));
const blocker = path.join(tmp, 'not-a-folder');
fs.writeFileSync(blocker, 'DATA_DIR points below this file, so no database can ever be created.\n');
let server;
try {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = startServer(port, { DATA_DIR: path.join(blocker, 'db') });
  await waitReady(base, server);

  let served = 0;
  for (const slug of slugs) {
    const res = await fetch(`${base}/articles/${slug}`);
    const html = await res.text();
    const cache = res.headers.get('x-nextjs-cache');
    const good = res.status === 200 && html.includes('data-article-body') && cache === 'HIT';
    if (!good) console.log(`  /articles/${slug}: ${res.status}, x-nextjs-cache ${cache}`);
    else served++;
  }
  ok = gateLine('static reader served without database', `${served} of ${slugs.length}`, `${slugs.length} of ${slugs.length}`, served === slugs.length) && ok;

  // The check API grades without a database: one answer of every kind of the first exercise.
  const checks = [
    ['main-source', { choice: ['tekushev'] }],
    ['other-sources', { choice: ['officials', 'kavkaz'] }],
    ['attribution-phrase', { quote: 'Tekushev reports' }],
    ['who-says', { assignments: { attacks: 'tekushev' } }],
    ['attack-count', { text: 'seven' }],
    ['single-source', { text: 'The only source is Islam Tekushev, so nobody else confirms it.' }],
  ];
  let graded = 0;
  for (const [questionId, answer] of checks) {
    const res = await fetch(`${base}/api/exercises/kazakhstan-jihadist-movement/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ questionId, answer }) });
    const body = await res.json().catch(() => null);
    if (res.status === 200 && body?.questionId === questionId && typeof body.score === 'number') graded++;
    else console.log(`  check ${questionId}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  }
  ok = gateLine('static reader check API without database', `${graded} of ${checks.length}`, `${checks.length} of ${checks.length}`, graded === checks.length) && ok;

  const join = await fetch(`${base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'ABCD2345', name: 'Probe' }) });
  await join.arrayBuffer();
  ok = gateLine('static reader: database really absent', `join ${join.status}`, '>= 500', join.status >= 500) && ok;
} catch (e) {
  ok = false;
  console.error(`gate-static-reader: ${e instanceof Error ? e.message : String(e)}`);
  if (server?.output) console.error(server.output.slice(-3000));
} finally {
  await stopServer(server);
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`gate-static-reader: ${ok ? 'PASS' : 'FAIL'} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(ok ? 0 : 1);
