/**
 * The client's address for rate limiting: the first X-Forwarded-For entry when
 * a proxy sets it (deployments behind a load balancer), else X-Real-IP, else
 * "local". A whole school may share one address, so per-IP limits must be
 * generous; per-account and per-code limits do the fine work.
 */
export function clientIp(headers: Headers): string {
  const xff = headers.get('x-forwarded-for');
  const first = xff?.split(',')[0]?.trim();
  if (first) return first.slice(0, 64);
  return headers.get('x-real-ip')?.trim().slice(0, 64) || 'local';
}
