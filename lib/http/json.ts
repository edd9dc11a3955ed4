/**
 * JSON request/response helpers for route handlers: size-limited body reading,
 * zod validation, and one error shape `{error: {code, message, field?}}` with
 * the right status, so every client (the reader, scripts, load tests) sees the
 * same thing.
 */
import type { z } from 'zod';

export const MAX_BODY_BYTES = 64 * 1024;
/** Deepest nesting of arrays/objects accepted in a body (real requests use 4 or fewer levels). */
export const MAX_JSON_DEPTH = 32;

export type ErrorCode =
  | 'bad_request'
  | 'bad_json'
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'db_unavailable'
  | 'internal';

export function jsonError(status: number, code: ErrorCode, message: string, field?: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/**
 * Wrap a route handler so an unreachable database is a 503 with a retryable
 * error (the client keeps its unsent work and retries) and any other
 * unexpected exception a 500 JSON error, never an HTML page or a crash.
 */
export function withErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      const { isDbUnavailable } = await import('../db/errors');
      if (isDbUnavailable(e)) return jsonError(503, 'db_unavailable', 'The database is not reachable right now. Your work is kept; try again in a moment.', undefined, { 'retry-after': '2' });
      console.error(e);
      return jsonError(500, 'internal', 'Something went wrong on the server.');
    }
  };
}

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Read and validate a JSON body: 413 over the limit, 400 for bad JSON, 422 naming the first bad field. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_BODY_BYTES): Promise<BodyResult<z.infer<S>>> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes)
    return { ok: false, response: jsonError(413, 'too_large', `Request body is larger than ${maxBytes / 1024} KB.`) };
  const type = req.headers.get('content-type') ?? '';
  if (type && !/^application\/json\b|\+json\b/i.test(type))
    return { ok: false, response: jsonError(415, 'unsupported_media_type', 'Send the body as application/json.') };
  let raw: string;
  try {
    const buf = await readLimited(req, maxBytes);
    if (buf === null) return { ok: false, response: jsonError(413, 'too_large', `Request body is larger than ${maxBytes / 1024} KB.`) };
    raw = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { ok: false, response: jsonError(400, 'bad_json', 'Request body is not valid UTF-8 text.') };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // Also a RangeError from nesting too deep for the parser.
    return { ok: false, response: jsonError(400, 'bad_json', 'Request body is not valid JSON.') };
  }
  const clean = storableJson(value);
  if (!clean.ok) return { ok: false, response: jsonError(400, 'bad_json', `Request body is nested too deeply (more than ${MAX_JSON_DEPTH} levels).`) };
  const r = schema.safeParse(clean.value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    return { ok: false, response: jsonError(422, 'invalid', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid request'}`, field) };
  }
  return { ok: true, data: r.data };
}

/** A string PostgreSQL can store (text and jsonb): NUL and lone surrogates become U+FFFD. */
export function storableString(s: string): string {
  const t = s.includes('\u0000') ? s.replaceAll('\u0000', '\ufffd') : s;
  return t.isWellFormed() ? t : t.toWellFormed();
}

/**
 * Make parsed JSON safe for the rest of the app, without recursion (so depth
 * cannot overflow the stack): every string and key storable (see
 * storableString), and at most MAX_JSON_DEPTH levels deep. Keys named
 * "__proto__" stay plain own data properties. Mutates and returns the value.
 */
export function storableJson(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value === 'string') return { ok: true, value: storableString(value) };
  if (value === null || typeof value !== 'object') return { ok: true, value };
  const stack: [Record<string, unknown> | unknown[], number][] = [[value as Record<string, unknown>, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) return { ok: false };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        if (typeof v === 'string') node[i] = storableString(v);
        else if (v !== null && typeof v === 'object') stack.push([v as Record<string, unknown>, depth + 1]);
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      let v = node[key];
      if (typeof v === 'string') v = storableString(v);
      else if (v !== null && typeof v === 'object') stack.push([v as Record<string, unknown>, depth + 1]);
      const k = storableString(key);
      if (k !== key) delete node[key];
      Object.defineProperty(node, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  return { ok: true, value };
}

async function readLimited(req: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
