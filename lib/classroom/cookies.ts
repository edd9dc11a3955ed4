/**
 * Reading and writing the session cookie from plain request/response headers,
 * so the JSON API's route handlers work (and are tested) without Next.js's
 * request-scoped cookies() helper. Same attributes as lib/auth/cookies.ts:
 * HTTP-only, SameSite=Lax, path /, Secure when served over https.
 */

export function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

/** True when the request reached us over https (directly, via a proxy, or PUBLIC_URL says so). */
export function isHttpsRequest(headers: Headers, url: string, publicUrl = process.env.PUBLIC_URL ?? ''): boolean {
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return proto === 'https' || url.startsWith('https://') || publicUrl.startsWith('https://');
}

export function sessionCookie(name: string, token: string, expiresAt: Date, secure: boolean): string {
  return [`${name}=${encodeURIComponent(token)}`, 'Path=/', `Expires=${expiresAt.toUTCString()}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}
