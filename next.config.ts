import type { NextConfig } from 'next';

const dev = process.env.NODE_ENV !== 'production';

/**
 * Content Security Policy. Only this origin: no third-party scripts, fonts,
 * frames or beacons. Next.js streams its page data in inline <script> tags on
 * statically generated pages, which a per-request nonce would rule out, hence
 * 'unsafe-inline' for scripts; student text is always rendered as text, never
 * as HTML. Development additionally needs eval for hot reloading.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src 'self'${dev ? ' ws:' : ''}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Content files are read from disk by server code; make sure they ship with the server build.
  outputFileTracingIncludes: { '/**': ['./content/**/*', './drizzle/**/*'] },
  // PGlite loads its WASM and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: csp },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
