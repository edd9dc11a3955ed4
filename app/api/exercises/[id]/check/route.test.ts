import { describe, expect, it } from 'vitest';
import { POST } from './route';

const call = (body: BodyInit | null, id = 'kazakhstan-jihadist-movement', headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  POST(new Request(`http://x/api/exercises/${id}/check`, { method: 'POST', body, headers }), { params: Promise.resolve({ id }) });

describe('POST /api/exercises/[id]/check', () => {
  it('grades an answer on the server', async () => {
    const res = await call(JSON.stringify({ questionId: 'main-source', answer: { choice: ['tekushev'] } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ questionId: 'main-source', score: 1, maxScore: 1 });
  });
  it('400 for malformed JSON and invalid UTF-8', async () => {
    const res = await call('{"questionId": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'bad_json', message: 'Request body is not valid JSON.' } });
    const utf = await call(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(utf.status).toBe(400);
  });
  it('422 naming the field for a wrong shape', async () => {
    const res = await call(JSON.stringify({ questionId: 42, answer: {} }));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'invalid', field: 'questionId' });
    const extra = await call(JSON.stringify({ questionId: 'main-source', answer: {}, sneaky: 1 }));
    expect(extra.status).toBe(422);
  });
  it('404 for an unknown exercise or question', async () => {
    expect((await call(JSON.stringify({ questionId: 'x', answer: {} }), 'nope')).status).toBe(404);
    const res = await call(JSON.stringify({ questionId: 'nope', answer: {} }));
    expect(res.status).toBe(404);
    expect((await res.json()).error.field).toBe('questionId');
  });
  it('413 for bodies over 64 KB, declared or streamed', async () => {
    const big = JSON.stringify({ questionId: 'single-source', answer: { text: 'x'.repeat(70_000) } });
    expect((await call(big)).status).toBe(413);
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } });
    const res = await POST(new Request('http://x/', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit), { params: Promise.resolve({ id: 'kazakhstan-jihadist-movement' }) });
    expect(res.status).toBe(413);
  });
  it('415 for a non-JSON content type', async () => {
    expect((await call('questionId=x', undefined, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });
  it('an empty or malformed answer is a 0 with a message, not an error', async () => {
    const res = await call(JSON.stringify({ questionId: 'who-says', answer: { assignments: 'nope' } }));
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.score).toBe(0);
    expect(r.feedback[0]).toMatch(/could not be read/);
  });
});
