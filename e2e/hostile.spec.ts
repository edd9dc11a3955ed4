/**
 * Hostile input against every route handler of the production server: a table
 * of malformed, oversized and odd bodies × every JSON route (bad JSON, wrong
 * types, unknown question ids, 10 MB bodies with and without Content-Length,
 * 100,000 levels of nesting, invalid UTF-8, script tags, SQL-looking strings,
 * huge/negative/NaN seq, wrong content types, empty bodies, extra fields,
 * __proto__/constructor keys), plus odd ids in the URL of every route.
 *
 * Every answer must be < 500, JSON for API routes, and either a clear 4xx
 * error {error: {code, message}} or a 2xx exactly when the input is valid by
 * the app's own request schemas. After each batch the server must still
 * answer a health request. Finally the database holds exactly what the valid
 * requests wrote: the attempt's answers equal the last applied save per
 * question, and the teacher's grid counts the students that validly joined.
 *
 * Own server and database (fresh DATA_DIR seeded by scripts/seed-gate.ts), so
 * it runs alone (`npm run test:hostile`) or within the whole e2e suite.
 */
import { test, expect, request as pwRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { joinSchema, resumeSchema, saveAnswerSchema, submitSchema } from '../lib/validations/student';
import { checkRequestSchema } from '../lib/validations/check';
import { validateAnswer } from '../lib/classroom/answers';
import { storableJson } from '../lib/http/json';
import { alive, freePort, seedGate, startServer, stopServer, waitReady, type Server } from './helpers/server';

const EXERCISE = 'kazakhstan-jihadist-movement';
const ZERO = '00000000-0000-4000-8000-000000000000';
const ERROR_CODES = ['bad_request', 'bad_json', 'invalid', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'too_large', 'unsupported_media_type', 'rate_limited'];
const MB10 = 10 * 1024 * 1024;

/** Hostile values for one field. */
const VALUES: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['zero', 0],
  ['negative', -1],
  ['fraction', 1.5],
  ['1e308', 1e308],
  ['2^31', 2 ** 31],
  ['max-int32', 2_147_483_647],
  ['2^53+1', 2 ** 53 + 1],
  ['"NaN"', 'NaN'],
  ['"Infinity"', 'Infinity'],
  ['"-1"', '-1'],
  ['empty string', ''],
  ['spaces', '   '],
  ['5000 chars', 'x'.repeat(5000)],
  ['script', '<script>alert(1)</script><img src=x onerror=alert(2)>'],
  ['sql', "'; drop table answers; --"],
  ['rtl', '\u202eטקושב\u202c مرحبا'],
  ['zero-width', '\u200b\u200d\ufeff'],
  ['lone surrogate', '\ud800x\udfff'],
  ['nul', 'a\u0000b'],
  ['array', ['a', 'b']],
  ['object', { a: 1 }],
  ['text object', { text: '<b>Tekushev</b> is the only source' }],
  ['choice object', { choice: ['tekushev'] }],
  ['proto object', JSON.parse('{"__proto__": {"polluted": true}}')],
  ['text with NUL', { text: 'Tekushev\u0000 is the source' }],
  ['text with lone surrogate', { text: 'Tekushev \ud800 is the source' }],
  ['text 2001 chars', { text: 'x'.repeat(2001) }],
  ['quote with NUL', { quote: 'Tekushev\u0000' }],
  ['assignments with odd keys', { assignments: JSON.parse('{"__proto__": "tekushev", "constructor": "none", "attacks\\u0000": "x"}') }],
];

/** Whole bodies that are not a JSON object of the right shape. */
const RAW_BODIES: [string, string | Buffer, string | undefined][] = [
  ['empty body (json type)', '', 'application/json'],
  ['not json', 'not json at all', 'application/json'],
  ['truncated', '{"a":', 'application/json'],
  ['single quotes', "{'a': 1}", 'application/json'],
  ['trailing comma', '{"a": 1,}', 'application/json'],
  ['NaN literal', '{"seq": NaN}', 'application/json'],
  ['Infinity literal', '{"seq": Infinity}', 'application/json'],
  ['null', 'null', 'application/json'],
  ['number', '42', 'application/json'],
  ['string', '"hello"', 'application/json'],
  ['array', '[1,2,3]', 'application/json'],
  ['empty object', '{}', 'application/json'],
  ['proto keys', '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}', 'application/json'],
  ['BOM', '\ufeff{}', 'application/json'],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), 'application/json'],
  ['overlong UTF-8', Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]), 'application/json'],
  ['deep nesting 50k (unclosed)', '['.repeat(50_000), 'application/json'],
  ['deep nesting 30k (closed, under 64 KB)', '['.repeat(30_000) + ']'.repeat(30_000), 'application/json'],
  ['deep objects 10k', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), 'application/json'],
  ['text/plain', '{}', 'text/plain'],
  ['form', 'a=1&b=2', 'application/x-www-form-urlencoded'],
  ['multipart', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', 'multipart/form-data; boundary=x'],
  ['xml', '<?xml version="1.0"?><a/>', 'application/xml'],
  ['json utf-16 charset', '{}', 'application/json; charset=utf-16'],
  ['65 KB json', JSON.stringify({ pad: 'x'.repeat(65 * 1024) }), 'application/json'],
];

/** Odd ids for URL segments. */
const IDS: [string, string][] = [
  ['non-uuid', 'abc'],
  ['zero uuid', ZERO],
  ['uppercase uuid', ZERO.toUpperCase()],
  ['overlong', 'a'.repeat(5000)],
  ['sql', encodeURIComponent("1' or '1'='1; drop table answers; --")],
  ['script', encodeURIComponent('<script>alert(1)</script>')],
  ['traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['nul', '%00'],
  ['unicode', encodeURIComponent('טקושב😀')],
  ['bad percent', '%E0%A4%A'],
  ['proto', '__proto__'],
  ['constructor', 'constructor'],
];

interface Outcome {
  route: string;
  label: string;
  status: number;
  type: string;
  body: string;
}

const outcomes: Outcome[] = [];
const failures: string[] = [];
let server: Server;
let dataDir: string;
let seed: ReturnType<typeof seedGate>;
let api: APIRequestContext;
let anon: APIRequestContext;
const studentA = { attemptId: '', cookie: '', resumeCode: '' };
const studentB = { attemptId: '', cookie: '' };

function record(route: string, label: string, status: number, type: string, body: string, want: 'ok' | 'error' | number | number[]) {
  outcomes.push({ route, label, status, type, body });
  const where = `${route} [${label}] → ${status} ${body.slice(0, 160)}`;
  if (status >= 500) return failures.push(`5xx: ${where}`);
  const isJson = /^application\/json/.test(type);
  if (!isJson && !(route.endsWith('export.csv') && status === 200 && /^text\/csv/.test(type)) && status !== 304)
    return failures.push(`not JSON (${type}): ${where}`);
  if (status >= 400) {
    let parsed: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      parsed = JSON.parse(body);
    } catch {
      /* below */
    }
    const e = parsed?.error;
    if (!e || typeof e.code !== 'string' || !ERROR_CODES.includes(e.code) || typeof e.message !== 'string' || e.message.length < 5)
      return failures.push(`unclear error: ${where}`);
  }
  if (want === 'ok' && (status < 200 || status >= 300)) return failures.push(`valid input refused: ${where}`);
  if (want === 'error' && status < 400) return failures.push(`invalid input accepted: ${where}`);
  if (typeof want === 'number' && status !== want) return failures.push(`expected ${want}: ${where}`);
  if (Array.isArray(want) && !want.includes(status)) return failures.push(`expected one of ${want.join('/')}: ${where}`);
}

async function send(ctx: APIRequestContext, method: string, url: string, body: string | Buffer | undefined, type: string | undefined, cookie?: string): Promise<APIResponse> {
  const headers: Record<string, string> = {};
  if (type) headers['content-type'] = type;
  if (cookie) headers.cookie = cookie;
  // Bytes, never a string: Playwright would JSON-encode a string sent as application/json.
  const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return ctx.fetch(url, { method, headers, data, maxRedirects: 0, timeout: 30_000 });
}

/** Raw HTTP for what the Playwright client cannot send: no Content-Type at all, chunked bodies. */
function rawHttp(url: string, method: string, opts: { type?: string; cookie?: string; chunks?: Buffer[]; body?: Buffer }): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const headers: Record<string, string> = {};
    if (opts.type) headers['content-type'] = opts.type;
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.body) headers['content-length'] = String(opts.body.length);
    if (opts.chunks) headers['transfer-encoding'] = 'chunked';
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers }, (res) => {
      let data = '';
      res.on('data', (d: Buffer) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: data }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      // The server may stop reading a body it has refused and close the socket: an early 413 is fine.
      if (e.code === 'EPIPE' || e.code === 'ECONNRESET') resolve({ status: -1, type: '', body: e.code });
      else reject(e);
    });
    if (opts.body) req.end(opts.body);
    else if (opts.chunks) {
      (async () => {
        for (const c of opts.chunks!) if (!req.write(c)) await new Promise((r) => req.once('drain', r));
        req.end();
      })().catch(() => req.destroy());
    } else req.end();
  });
}

async function health(label: string) {
  expect(alive(server), `server died after ${label}:\n${server.log().slice(-3000)}`).toBe(true);
  const r = await api.get(`/api/attempts/${ZERO}`);
  expect(r.status(), `health after ${label}`).toBe(404);
  expect((await r.json()).error.code).toBe('not_found');
}

function mutations(template: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [['valid template', template]];
  for (const field of Object.keys(template)) {
    for (const [vl, v] of VALUES) out.push([`${field}=${vl}`, { ...template, [field]: v }]);
    out.push([`${field} missing`, Object.fromEntries(Object.entries(template).filter(([k]) => k !== field))]);
  }
  out.push(['extra field', { ...template, extra: 1 }]);
  out.push(['isAdmin field', { ...template, isAdmin: true, role: 'teacher' }]);
  return out;
}

/** Fuzz one JSON route with every mutation of its template and every raw body; `valid` says whether the app should accept a parsed body. */
async function fuzzJsonRoute(opts: {
  route: string;
  method: 'POST' | 'PUT';
  url: string;
  ctx: APIRequestContext;
  cookie?: string;
  template: Record<string, unknown>;
  valid: (body: unknown) => boolean;
  okStatus?: number[];
  onOk?: (sent: unknown, res: APIResponse) => Promise<void>;
  /** Statuses a valid body may also get besides 2xx (e.g. 404 for an unknown question, 429). */
  validAlso?: number[];
  /** Make each valid body unique (e.g. a new seq) before sending. */
  prepare?: (body: Record<string, unknown>, i: number) => Record<string, unknown>;
}) {
  let i = 0;
  for (const [label, value] of mutations(opts.template)) {
    const body = opts.prepare && typeof value === 'object' && value ? opts.prepare(value as Record<string, unknown>, i++) : value;
    const text = JSON.stringify(body);
    const res = await send(opts.ctx, opts.method, opts.url, text, 'application/json', opts.cookie);
    const isValid = opts.valid(JSON.parse(text));
    const status = res.status();
    record(opts.route, label, status, res.headers()['content-type'] ?? '', await res.text(), isValid ? [...(opts.okStatus ?? [200]), ...(opts.validAlso ?? [])] : 'error');
    if (isValid && status >= 200 && status < 300 && opts.onOk) await opts.onOk(JSON.parse(text), res);
  }
  for (const [label, body, type] of RAW_BODIES) {
    const res = await send(opts.ctx, opts.method, opts.url, body, type, opts.cookie);
    // Parsed but wrong shape (or a BOM, which is skipped, or a charset that is ignored): any clear 4xx.
    const want = type && !/json/.test(type) ? 415 : label.startsWith('65 KB') ? 413 : label.includes('deep') ? 400 : ['null', 'number', 'string', 'array', 'empty object', 'proto keys', 'BOM', 'json utf-16 charset'].includes(label) ? 'error' : 400;
    record(opts.route, `raw: ${label}`, res.status(), res.headers()['content-type'] ?? '', await res.text(), want);
  }
  // No Content-Type at all: read as JSON (curl's default), so the body decides.
  const none = await rawHttp(server.base + opts.url, opts.method, { cookie: opts.cookie, body: Buffer.from('not json') });
  record(opts.route, 'no content-type, not json', none.status, none.type, none.body, 400);
  const noneEmpty = await rawHttp(server.base + opts.url, opts.method, { cookie: opts.cookie });
  record(opts.route, 'no content-type, no body', noneEmpty.status, noneEmpty.type, noneEmpty.body, 400);
  // 10 MB: with Content-Length (refused before reading) and chunked without it (refused after 64 KB).
  const big = Buffer.from(JSON.stringify({ answer: { text: 'x'.repeat(MB10) }, seq: 1, questionId: 'main-source', code: 'x', name: 'x' }));
  const withLength = await send(opts.ctx, opts.method, opts.url, big, 'application/json', opts.cookie);
  record(opts.route, '10 MB with content-length', withLength.status(), withLength.headers()['content-type'] ?? '', await withLength.text(), 413);
  const chunks = Array.from({ length: 160 }, (_, k) => (k === 0 ? Buffer.from('{"answer":{"text":"' + 'x'.repeat(65_536 - 19)) : Buffer.alloc(65_536, 0x78)));
  const chunked = await rawHttp(server.base + opts.url, opts.method, { type: 'application/json', cookie: opts.cookie, chunks });
  if (chunked.status !== -1) record(opts.route, '10 MB chunked', chunked.status, chunked.type, chunked.body, 413);
  const deep = await send(opts.ctx, opts.method, opts.url, '['.repeat(100_000) + ']'.repeat(100_000), 'application/json', opts.cookie);
  record(opts.route, 'deep nesting 100k closed (200 KB)', deep.status(), deep.headers()['content-type'] ?? '', await deep.text(), 413);
  await health(opts.route);
}

async function fuzzIds(route: string, method: 'GET' | 'POST' | 'PUT', make: (id: string) => string, cookie: string | undefined, want: number | number[] | 'error') {
  for (const [label, id] of IDS) {
    const res = await send(api, method, make(id), method === 'GET' ? undefined : '{}', method === 'GET' ? undefined : 'application/json', cookie);
    record(route, `id ${label}`, res.status(), res.headers()['content-type'] ?? '', await res.text(), label === 'bad percent' ? 400 : want);
  }
  await health(`${route} ids`);
}

const parses = (schema: z.ZodType) => (b: unknown) => schema.safeParse(b).success;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'close-reader-hostile-'));
  seed = seedGate({ DATA_DIR: dataDir, DATABASE_URL: '' });
  const port = Number(process.env.HOSTILE_PORT ?? 0) || (await freePort());
  server = startServer(port, { DATA_DIR: dataDir, DATABASE_URL: '' });
  await waitReady(server.base);
  api = await pwRequest.newContext({ baseURL: server.base });
  anon = await pwRequest.newContext({ baseURL: server.base });
  for (const [s, name] of [[studentA, 'Hostile A'], [studentB, 'Hostile B']] as const) {
    const ctx = await pwRequest.newContext({ baseURL: server.base });
    const r = await ctx.post('/api/join', { data: { code: seed.joinCode, name } });
    expect(r.status()).toBe(201);
    const j = (await r.json()) as { attemptId: string; resumeCode: string };
    s.attemptId = j.attemptId;
    s.cookie = r.headers()['set-cookie']!.split(';')[0]!;
    if ('resumeCode' in s) s.resumeCode = j.resumeCode;
    await ctx.dispose();
  }
});

test.afterAll(async () => {
  await api?.dispose();
  await anon?.dispose();
  if (server) await stopServer(server);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('hostile bodies and ids on every route: never 5xx, clear 4xx JSON, valid input accepted, nothing else stored', async () => {
  test.setTimeout(600_000);
  const t0 = Date.now();
  const gridUrl = `/teacher/assignments/${seed.assignmentId}/grid`;
  const grid0 = await api.get(gridUrl, { headers: { cookie: seed.teacherCookie } });
  expect(grid0.status()).toBe(200);
  const studentsBefore = ((await grid0.json()) as { rows: unknown[] }).rows.length;
  expect(studentsBefore).toBe(2);

  // 1. Reader check (no account): grading of any answer JSON.
  await fuzzJsonRoute({
    route: 'POST /api/exercises/[id]/check',
    method: 'POST',
    url: `/api/exercises/${EXERCISE}/check`,
    ctx: anon,
    template: { questionId: 'single-source', answer: { text: 'Tekushev is the only source.' } },
    valid: parses(checkRequestSchema),
    // A valid body naming no question of the exercise is a 404.
    validAlso: [404],
  });
  for (const qid of ['main-source', 'other-sources', 'attribution-phrase', 'who-says', 'attack-count', 'single-source', 'no-such-question', '__proto__', 'constructor', 'x'.repeat(100)]) {
    for (const [vl, v] of VALUES) {
      const res = await send(anon, 'POST', `/api/exercises/${EXERCISE}/check`, JSON.stringify({ questionId: qid, answer: v }), 'application/json');
      record('POST /api/exercises/[id]/check', `${qid.slice(0, 20)} answer=${vl}`, res.status(), res.headers()['content-type'] ?? '', await res.text(), qid.startsWith('x') || ['no-such-question', '__proto__', 'constructor'].includes(qid) ? 404 : 200);
    }
  }
  await fuzzIds('POST /api/exercises/[id]/check', 'POST', (id) => `/api/exercises/${id}/check`, undefined, [404, 422]);
  await health('reader check');

  // 2. Join: valid bodies create students (counted), everything else is refused.
  let joined = 0;
  await fuzzJsonRoute({
    route: 'POST /api/join',
    method: 'POST',
    url: '/api/join',
    ctx: anon,
    template: { code: seed.joinCode, name: 'Fuzz' },
    valid: parses(joinSchema),
    okStatus: [201],
    // A valid shape with a code of no assignment ("<script>", "NaN") is a 404; wrong codes are rate limited.
    validAlso: [404, 429],
    onOk: async () => {
      joined++;
    },
  });

  // 3. Resume.
  await fuzzJsonRoute({
    route: 'POST /api/resume',
    method: 'POST',
    url: '/api/resume',
    ctx: anon,
    template: { code: seed.joinCode, resumeCode: studentA.resumeCode },
    valid: parses(resumeSchema),
    validAlso: [404, 429],
  });

  // 4. Autosave: track what each applied save stored; the attempt must end with exactly that.
  const expected = new Map<string, { answer: unknown; seq: number }>();
  let seq = 10;
  for (const qid of ['single-source', 'main-source', 'attribution-phrase', 'who-says']) {
    await fuzzJsonRoute({
      route: 'PUT /api/attempts/[id]/answers/[qid]',
      method: 'PUT',
      url: `/api/attempts/${studentA.attemptId}/answers/${qid}`,
      ctx: api,
      cookie: studentA.cookie,
      template: {
        answer: qid === 'single-source' ? { text: 'Tekushev' } : qid === 'main-source' ? { choice: ['tekushev'] } : qid === 'attribution-phrase' ? { quote: 'Tekushev reports' } : { assignments: { attacks: 'tekushev' } },
        seq: 1,
      },
      // Only seq mutations keep their own seq; every other body gets a fresh, higher one.
      prepare: (b, i) => (typeof b.seq === 'number' && b.seq !== 1 ? b : { ...b, seq: seq + i }),
      valid: (b) => {
        const env = saveAnswerSchema.safeParse(b);
        const kind = qid === 'single-source' ? 'text' : qid === 'main-source' ? 'choice' : qid === 'attribution-phrase' ? 'highlight' : 'classify';
        return env.success && validateAnswer(kind, env.data.answer).ok;
      },
      onOk: async (sent, res) => {
        const r = (await res.json()) as { seq: number; applied: boolean };
        // Stored as the server cleans it: NUL and lone surrogates become U+FFFD.
        if (r.applied) expected.set(qid, { answer: (storableJson((sent as { answer: unknown }).answer) as { value: unknown }).value, seq: r.seq });
      },
    });
    seq += 1000;
  }
  // Unknown question ids and odd attempt ids.
  for (const [label, id] of IDS) {
    const res = await send(api, 'PUT', `/api/attempts/${studentA.attemptId}/answers/${id}`, JSON.stringify({ answer: { text: 'x' }, seq: 999_999 }), 'application/json', studentA.cookie);
    record('PUT /api/attempts/[id]/answers/[qid]', `qid ${label}`, res.status(), res.headers()['content-type'] ?? '', await res.text(), label === 'bad percent' ? 400 : 404);
  }
  await fuzzIds('PUT /api/attempts/[id]/answers/[qid]', 'PUT', (id) => `/api/attempts/${id}/answers/single-source`, studentA.cookie, 404);
  // Cookies that are not a session.
  for (const cookie of ['cr_student=', 'cr_student=' + 'a'.repeat(5000), "cr_student=' or 1=1 --", 'cr_student=%00%ff', `cr_teacher=x; cr_student=y`]) {
    const res = await send(api, 'PUT', `/api/attempts/${studentA.attemptId}/answers/single-source`, JSON.stringify({ answer: { text: 'hijack' }, seq: 2_000_000 }), 'application/json', cookie);
    record('PUT /api/attempts/[id]/answers/[qid]', `cookie ${cookie.slice(0, 30)}`, res.status(), res.headers()['content-type'] ?? '', await res.text(), 404);
  }
  // The teacher may read but not write.
  const teacherPut = await send(api, 'PUT', `/api/attempts/${studentA.attemptId}/answers/single-source`, JSON.stringify({ answer: { text: 'teacher' }, seq: 2_000_000 }), 'application/json', seed.teacherCookie);
  record('PUT /api/attempts/[id]/answers/[qid]', 'teacher cookie', teacherPut.status(), teacherPut.headers()['content-type'] ?? '', await teacherPut.text(), 403);
  await health('autosave');

  // 5. Check a stored answer (body ignored): every odd id and body is a clear answer.
  for (const [label, body, type] of RAW_BODIES.slice(0, 12)) {
    const res = await send(api, 'POST', `/api/attempts/${studentA.attemptId}/check/single-source`, body, type, studentA.cookie);
    record('POST /api/attempts/[id]/check/[qid]', `raw: ${label}`, res.status(), res.headers()['content-type'] ?? '', await res.text(), 200);
  }
  for (const [label, id] of IDS) {
    const res = await send(api, 'POST', `/api/attempts/${studentA.attemptId}/check/${id}`, '{}', 'application/json', studentA.cookie);
    record('POST /api/attempts/[id]/check/[qid]', `qid ${label}`, res.status(), res.headers()['content-type'] ?? '', await res.text(), label === 'bad percent' ? 400 : 404);
  }
  await fuzzIds('POST /api/attempts/[id]/check/[qid]', 'POST', (id) => `/api/attempts/${id}/check/single-source`, studentA.cookie, 404);

  // 6. Read the attempt.
  await fuzzIds('GET /api/attempts/[id]', 'GET', (id) => `/api/attempts/${id}`, studentA.cookie, 404);

  // 7. Teacher JSON and CSV routes: odd ids are 404 JSON; no session is 401 (grid) or a redirect to sign in (CSV).
  await fuzzIds('GET /teacher/assignments/[id]/grid', 'GET', (id) => `/teacher/assignments/${id}/grid`, seed.teacherCookie, 404);
  await fuzzIds('GET /teacher/assignments/[id]/export.csv', 'GET', (id) => `/teacher/assignments/${id}/export.csv`, seed.teacherCookie, 404);
  await fuzzIds('GET /teacher/classes/[id]/export.csv', 'GET', (id) => `/teacher/classes/${id}/export.csv`, seed.teacherCookie, 404);
  const noSession = await api.get(gridUrl, { headers: { cookie: 'cr_teacher=nope' } });
  record('GET /teacher/assignments/[id]/grid', 'bad session', noSession.status(), noSession.headers()['content-type'] ?? '', await noSession.text(), 401);
  for (const url of [`/teacher/assignments/${seed.assignmentId}/export.csv`, `/teacher/classes/${seed.classId}/export.csv`]) {
    const ok = await api.get(url, { headers: { cookie: seed.teacherCookie } });
    record(`GET ${url.replace(/[0-9a-f-]{36}/, '[id]')}`, 'valid', ok.status(), ok.headers()['content-type'] ?? '', await ok.text(), 200);
    const anonCsv = await api.get(url, { headers: { cookie: 'cr_teacher=nope' }, maxRedirects: 0 });
    expect(anonCsv.status(), 'signed-out CSV goes to sign in').toBe(303);
  }
  // The grid with odd If-None-Match headers.
  for (const inm of ['*', '"x"', 'W/"' + 'a'.repeat(5000) + '"', '\u0000']) {
    const r = await api.get(gridUrl, { headers: { cookie: seed.teacherCookie, 'if-none-match': inm } }).catch(() => null);
    if (r) record('GET /teacher/assignments/[id]/grid', `if-none-match ${inm.slice(0, 10)}`, r.status(), r.headers()['content-type'] ?? '', await r.text(), 200);
  }
  await health('teacher routes');

  // 8. Submit last (a valid body submits student B's attempt once; retries are idempotent).
  let submitted = 0;
  await fuzzJsonRoute({
    route: 'POST /api/attempts/[id]/submit',
    method: 'POST',
    url: `/api/attempts/${studentB.attemptId}/submit`,
    ctx: api,
    cookie: studentB.cookie,
    template: { idempotencyKey: 'hostile-key' },
    valid: parses(submitSchema),
    // Only the first valid key submits; another key after that is a 409 conflict.
    validAlso: [409],
    onOk: async () => {
      submitted++;
    },
  });
  await fuzzIds('POST /api/attempts/[id]/submit', 'POST', (id) => `/api/attempts/${id}/submit`, studentB.cookie, [404, 422]);

  // ---- nothing changed except what was valid ----
  const view = (await (await api.get(`/api/attempts/${studentA.attemptId}`, { headers: { cookie: studentA.cookie } })).json()) as {
    answers: Record<string, { answer: unknown; seq: number }>;
  };
  const stored = Object.keys(view.answers).sort();
  expect(stored, 'only questions with a valid save have an answer').toEqual([...expected.keys()].sort());
  for (const [qid, want] of expected) {
    expect(view.answers[qid]?.seq, `${qid} seq`).toBe(want.seq);
    expect(view.answers[qid]?.answer, `${qid} answer`).toEqual(want.answer);
  }
  const grid1 = (await (await api.get(gridUrl, { headers: { cookie: seed.teacherCookie } })).json()) as { rows: { status?: string }[] };
  expect(grid1.rows.length, 'students = seeded + valid joins').toBe(studentsBefore + joined);
  expect(submitted, 'student B submitted by a valid body').toBeGreaterThanOrEqual(1);
  await health('end');

  const by = new Map<number, number>();
  for (const o of outcomes) by.set(o.status, (by.get(o.status) ?? 0) + 1);
  const routes = new Set(outcomes.map((o) => o.route));
  const fiveHundreds = outcomes.filter((o) => o.status >= 500).length;
  console.log(
    `hostile: ${outcomes.length} requests over ${routes.size} routes in ${((Date.now() - t0) / 1000).toFixed(1)}s; statuses ${[...by].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}; ` +
      `valid joins ${joined}, applied saves ${expected.size} questions, 5xx ${fiveHundreds}, failures ${failures.length}`,
  );
  console.log(`gate: hostile 5xx                 figure=${fiveHundreds}  limit=0  ${fiveHundreds === 0 ? 'PASS' : 'FAIL'}`);
  console.log(`gate: hostile unclear/wrong       figure=${failures.length}  limit=0  ${failures.length === 0 ? 'PASS' : 'FAIL'}`);
  expect(failures, failures.slice(0, 40).join('\n')).toEqual([]);
  expect(outcomes.length).toBeGreaterThanOrEqual(300);
  expect(routes.size).toBeGreaterThanOrEqual(10);
});
