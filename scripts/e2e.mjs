#!/usr/bin/env node
// `npm run test:e2e`: build the production app, prepare a fresh embedded
// database with a one-time teacher setup link, then run the Playwright suite
// (e2e/) in Debian's Chromium against `next start`. Fails clearly when
// Chromium is missing instead of trying to download a browser.
//   --no-build    reuse the existing .next build
//   other args    passed to `playwright test` (e.g. a spec file or --grep)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium}. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'close-reader-e2e-'));
const stateFile = path.join(dataDir, 'state.json');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: dataDir, E2E_DATA_DIR: dataDir, E2E_STATE: stateFile };
delete env.DATABASE_URL; // the browser suite runs on the embedded database
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return r;
};
const args = process.argv.slice(2);
if (!args.includes('--no-build')) run('npm', ['run', 'build']);

// The first teacher account is created through the one-time setup link, as a real school would.
const link = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/setup-link.ts'], { env, encoding: 'utf8' });
const url = link.stdout.match(/https?:\/\/\S+\/setup\/(\S+)/);
if (link.status !== 0 || !url) {
  console.error('e2e: could not create a setup link:\n' + link.stdout + link.stderr);
  process.exit(1);
}
fs.writeFileSync(stateFile, JSON.stringify({ setupToken: url[1] }));

let status = 0;
try {
  const r = spawnSync('npx', ['playwright', 'test', ...args.filter((a) => a !== '--no-build')], { stdio: 'inherit', env });
  status = r.status ?? 1;
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
