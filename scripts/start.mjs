#!/usr/bin/env node
// `npm start`: serve the production build on PORT (default 3000), building
// first when there is no build yet or the sources changed since the last one,
// so `npm install && npm start` works on a fresh clone.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const buildId = path.join(root, '.next', 'BUILD_ID');
const SOURCES = ['app', 'components', 'lib', 'content', 'next.config.ts', 'package.json'];

function newestMtime(p) {
  let st;
  try { st = fs.statSync(p); } catch { return 0; }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules') max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const changed = SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
if (!built || changed) {
  console.log(built ? 'Sources changed since the last build: building…' : 'No production build yet: building (about a minute)…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const port = process.env.PORT ?? '3000';
const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', port], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
