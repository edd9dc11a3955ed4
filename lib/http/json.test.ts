import { z } from 'zod';
import { readJson, storableJson, storableString, MAX_JSON_DEPTH } from './json';

const req = (body: BodyInit, type = 'application/json') => new Request('http://x/api', { method: 'POST', body, headers: { 'content-type': type } });
const anything = z.unknown();

describe('readJson on hostile bodies', () => {
  it('100,000 levels of [ is a 400 or 413, never an exception', async () => {
    for (const body of ['['.repeat(100_000), '['.repeat(30_000) + ']'.repeat(30_000), '['.repeat(100_000) + ']'.repeat(100_000)]) {
      const r = await readJson(req(body), anything);
      expect(r.ok).toBe(false);
      if (!r.ok) expect([400, 413]).toContain(r.response.status);
    }
  });

  it(`accepts ${MAX_JSON_DEPTH} levels, refuses one more`, async () => {
    const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect((await readJson(req(nest(MAX_JSON_DEPTH)), anything)).ok).toBe(true);
    const r = await readJson(req(nest(MAX_JSON_DEPTH + 1)), anything);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(await r.response.json()).toEqual({ error: { code: 'bad_json', message: expect.stringContaining('nested too deeply') } });
  });

  it('invalid UTF-8 is a 400', async () => {
    const r = await readJson(req(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])), anything);
    expect(!r.ok && r.response.status).toBe(400);
  });

  it('NUL and lone surrogates (which PostgreSQL cannot store) become U+FFFD, in values and keys', async () => {
    const r = await readJson(req('{"a\\u0000": ["x\\u0000y", {"t": "\\ud800z"}], "ok": "😀"}'), anything);
    expect(r.ok && r.data).toEqual({ 'a\ufffd': ['x\ufffdy', { t: '\ufffdz' }], ok: '😀' });
  });

  it('"__proto__" stays a plain key: no prototype pollution', async () => {
    const r = await readJson(req('{"__proto__": {"polluted": true}, "a\\u0000": 1, "constructor": {"prototype": {"x": 1}}}'), anything);
    expect(r.ok).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    if (r.ok) expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
  });

  it('storable helpers', () => {
    expect(storableString('ok')).toBe('ok');
    expect(storableJson('a\u0000')).toEqual({ ok: true, value: 'a\ufffd' });
    expect(storableJson(5)).toEqual({ ok: true, value: 5 });
  });
});
