/**
 * Durability under database faults, on PostgreSQL: the production server runs
 * on DATABASE_URL; students autosave in a burst (HTTP clients that keep their
 * unsent answer and retry it, as the browser outbox does) and one student
 * types in a real browser page. The PostgreSQL server is stopped mid-burst
 * (pg_ctl -m immediate) and started again a few seconds later.
 *
 * While it is down, every save must be answered 503 with a retryable JSON
 * error (code db_unavailable, Retry-After) — never a 500, never a crash; the
 * browser shows "Offline — will retry". Once it is back, the pool reconnects,
 * the clients' unsent answers go through (the browser's text reaches the
 * database), and every save that had been acknowledged (200) is stored.
 *
 * Run: npm run test:db-fault  (scripts/with-postgres.sh + playwright.pg.config.ts)
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { alive, freePort, seedGate, startServer, stopServer, waitReady, type Server } from './helpers/server';

const QUESTIONS = ['single-source', 'main-source', 'attribution-phrase', 'who-says', 'attack-count', 'radical-website'];

function answerFor(q: string, n: number): unknown {
  switch (q) {
    case 'main-source':
      return { choice: [n % 2 ? 'tekushev' : 'officials'] };
    case 'attribution-phrase':
      return { quote: n % 2 ? 'Tekushev reports' : 'Tekushev' };
    case 'who-says':
      return { assignments: { attacks: n % 2 ? 'tekushev' : 'none' } };
    default:
      return { text: `Revision ${n}: Islam Tekushev is the only source, so nobody can check it.` };
  }
}

function pgCtl(args: string[]): void {
  const bin = `${process.env.PG_TEST_BIN}/pg_ctl`;
  const cmd = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd[0] as string, cmd[1] as string[], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg_ctl ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
}

function stopPostgres(): void {
  pgCtl(['-D', `${process.env.PG_TEST_DIR}/data`, '-m', 'immediate', '-w', 'stop']);
}

function startPostgres(): void {
  const dir = process.env.PG_TEST_DIR!;
  const port = new URL(process.env.DATABASE_URL!).port;
  pgCtl(['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on`, 'start']);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('PostgreSQL stopped mid-burst: 503 db_unavailable (no 500), clients retry, nothing acknowledged is lost', async ({ browser }) => {
  test.setTimeout(300_000);
  for (const v of ['DATABASE_URL', 'PG_TEST_DIR', 'PG_TEST_BIN'])
    expect(process.env[v], `${v} must be set: run through scripts/with-postgres.sh (npm run test:db-fault)`).toBeTruthy();
  const seed = seedGate({ DATABASE_URL: process.env.DATABASE_URL! });
  const port = Number(process.env.DB_FAULT_PORT ?? 0) || (await freePort());
  const server: Server = startServer(port, { DATABASE_URL: process.env.DATABASE_URL! });
  let dbDown = false;
  try {
    await waitReady(server.base).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${server.log().slice(-3000)}`);
    });
    const base = server.base;

    // Students: 6 HTTP clients and one real browser page.
    const students: { attemptId: string; cookie: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: seed.joinCode, name: `Fault ${i}` }) });
      expect(res.status).toBe(201);
      const { attemptId } = (await res.json()) as { attemptId: string };
      students.push({ attemptId, cookie: res.headers.get('set-cookie')!.split(';')[0]! });
    }
    const ctx = await browser.newContext({ baseURL: base });
    const page = await ctx.newPage();
    await page.goto(`/join/${seed.joinCode}`);
    await page.getByLabel('Your name').fill('Browser student');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('link', { name: 'Continue' }).click();
    const box = page.locator('[data-question="single-source"]').getByRole('textbox');
    await expect(box).toBeVisible();
    await page.waitForLoadState('networkidle');
    await box.fill('Before the fault: Tekushev is the source.');
    await box.blur();
    await expect(page.getByTestId('save-status').first()).toContainText('Saved', { timeout: 20_000 });

    // The burst. Each lane owns one question of one student, like one browser tab's outbox:
    // an edit that failed stays unsent and is retried (with the same or a newer seq) until acknowledged.
    const acked = new Map<string, number>(); // attempt/question → highest acknowledged seq
    const counts = { sent: 0, ok: 0, s503: 0, s500: 0, other: 0, neterr: 0, retryAfter: 0, unclear503: 0 };
    const otherStatuses: string[] = [];
    let stop = false;
    let pending = 0; // lanes holding an unsent edit
    let giveUpAt = Infinity;
    const lanes = students.flatMap((s) =>
      QUESTIONS.slice(0, 4).map(async (q, qi) => {
        let seq = 0;
        let unsent: { seq: number; answer: unknown } | null = null;
        let backoff = 50;
        while (!stop || unsent) {
          if (!unsent) {
            seq++;
            unsent = { seq, answer: answerFor(q, seq + qi) };
            pending++;
          }
          counts.sent++;
          try {
            const res = await fetch(`${base}/api/attempts/${s.attemptId}/answers/${q}`, {
              method: 'PUT',
              headers: { 'content-type': 'application/json', cookie: s.cookie },
              body: JSON.stringify({ answer: unsent.answer, seq: unsent.seq }),
            });
            const text = await res.text();
            if (res.status === 200) {
              counts.ok++;
              const key = `${s.attemptId}/${q}`;
              acked.set(key, Math.max(acked.get(key) ?? 0, (JSON.parse(text) as { seq: number }).seq));
              unsent = null;
              pending--;
              backoff = 50;
              await sleep(20);
              continue;
            }
            if (res.status === 503) {
              counts.s503++;
              if (res.headers.get('retry-after')) counts.retryAfter++;
              const code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
              if (code !== 'db_unavailable' || !/application\/json/.test(res.headers.get('content-type') ?? '')) counts.unclear503++;
            } else if (res.status >= 500) {
              counts.s500++;
              otherStatuses.push(`${res.status} ${text.slice(0, 200)}`);
            } else {
              counts.other++;
              otherStatuses.push(`${res.status} ${text.slice(0, 200)}`);
            }
          } catch (e) {
            counts.neterr++;
            otherStatuses.push(`network: ${String(e).slice(0, 100)}`);
          }
          // Not acknowledged: keep the edit, retry with backoff (as lib/exercise/outbox.ts does).
          await sleep(backoff);
          backoff = Math.min(backoff * 2, 1_000);
          if (stop && !dbDown && Date.now() > giveUpAt) break;
        }
      }),
    );

    // Let the burst run, then stop the database with saves in flight.
    const until = Date.now() + 30_000;
    while (counts.ok < 150 && Date.now() < until) await sleep(10);
    expect(counts.ok, 'burst under way before the fault').toBeGreaterThanOrEqual(150);
    const ackedBeforeFault = counts.ok;
    const t0 = Date.now();
    stopPostgres();
    dbDown = true;
    const stoppedIn = Date.now() - t0;

    // While it is down: the browser student types; the page must say it will retry.
    await box.fill('Typed while the database was down: one source cannot be checked by anyone else.');
    await box.blur();
    await expect(page.getByTestId('save-status').first()).toContainText('Offline — will retry', { timeout: 20_000 });
    await sleep(4_000);
    const s503WhileDown = counts.s503;
    expect(alive(server), 'the app server survives the database going away').toBe(true);
    expect(s503WhileDown, 'saves while the database is down are answered 503').toBeGreaterThan(0);

    // Back up: the pool must reconnect and the unsent edits go through.
    startPostgres();
    dbDown = false;
    const upAt = Date.now();
    const okAtRestart = counts.ok;
    while (counts.ok < okAtRestart + 50 && Date.now() - upAt < 60_000) await sleep(50);
    const recoveredIn = Date.now() - upAt;
    expect(counts.ok, 'saves succeed again after the database is back').toBeGreaterThanOrEqual(okAtRestart + 50);
    stop = true;
    giveUpAt = Date.now() + 60_000;
    await Promise.all(lanes);
    expect(pending, 'every client edit was finally acknowledged').toBe(0);

    // The browser's outbox retried its text by itself.
    await expect(page.getByTestId('save-status').first()).toContainText('Saved', { timeout: 60_000 });
    const browserAttempt = page.url().match(/\/attempts\/([0-9a-f-]{36})/)?.[1];
    expect(browserAttempt).toBeTruthy();
    const view = (await (await page.request.get(`/api/attempts/${browserAttempt}`)).json()) as { answers: Record<string, { answer: { text?: string } }> };
    expect(view.answers['single-source']?.answer.text).toBe('Typed while the database was down: one source cannot be checked by anyone else.');
    await ctx.close();

    // Nothing acknowledged is missing.
    let lost = 0;
    for (const s of students) {
      const res = await fetch(`${base}/api/attempts/${s.attemptId}`, { headers: { cookie: s.cookie } });
      expect(res.status).toBe(200);
      const v = (await res.json()) as { answers: Record<string, { seq: number }> };
      for (const q of QUESTIONS) {
        const want = acked.get(`${s.attemptId}/${q}`);
        if (want !== undefined && (v.answers[q]?.seq ?? -1) < want) lost++;
      }
    }

    console.log(
      `db-fault: ${counts.sent} saves sent, ${counts.ok} acknowledged (${ackedBeforeFault} before the stop), 503: ${counts.s503} (with Retry-After ${counts.retryAfter}, unclear ${counts.unclear503}), ` +
        `500: ${counts.s500}, other: ${counts.other}, network errors: ${counts.neterr}, lost: ${lost}; pg stop took ${stoppedIn} ms, recovered ${recoveredIn} ms after restart`,
    );
    const gate = (name: string, figure: number, limit: string, pass: boolean) => console.log(`gate: ${name.padEnd(30)} figure=${figure}  limit=${limit}  ${pass ? 'PASS' : 'FAIL'}`);
    gate('db-fault 500 responses', counts.s500, '0', counts.s500 === 0);
    gate('db-fault lost acknowledged', lost, '0', lost === 0);
    gate('db-fault 503 while down', counts.s503, '>0', counts.s503 > 0);
    gate('db-fault unclear 503', counts.unclear503, '0', counts.unclear503 === 0);
    expect(otherStatuses.filter((s) => !s.startsWith('network')), otherStatuses.slice(0, 10).join('\n')).toEqual([]);
    expect(counts.s500).toBe(0);
    expect(counts.unclear503).toBe(0);
    expect(counts.retryAfter).toBe(counts.s503);
    expect(lost).toBe(0);
    expect(counts.neterr, 'the server never dropped a connection').toBe(0);
    expect(server.log()).not.toMatch(/uncaught|unhandled/i);
  } finally {
    if (dbDown) {
      try {
        startPostgres();
      } catch {
        /* with-postgres.sh cleans up */
      }
    }
    await stopServer(server);
  }
});
