/**
 * Runs before the API and teacher routes: a URL whose percent-encoding is
 * broken ("/api/attempts/%E0%A4%A") cannot be decoded into route parameters,
 * and Next.js would answer it with a plain-text 500. Answer a clear 400 JSON
 * error instead, in the API's one error shape (lib/http/json.ts).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { jsonError } from './lib/http/json';

export function proxy(request: NextRequest) {
  const raw = request.nextUrl.pathname;
  try {
    decodeURIComponent(raw);
  } catch {
    return jsonError(400, 'bad_request', 'This address is not valid: it has a broken %-encoding.');
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/api/:path*', '/teacher/:path*', '/attempts/:path*'],
};
