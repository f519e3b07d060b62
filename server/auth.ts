import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens of the reference backend. An agent's token is 32 random bytes, shown once when the agent
 * is added; the store keeps only its SHA-256 (a slow hash buys nothing against 256 bits of
 * randomness). Every comparison is of equal-length digests in constant time.
 */
export function newToken(): string {
  return `cc_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time equality of two hex digests (or any two strings, compared as their SHA-256). */
export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/** The bearer token of a request, or null. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/**
 * A ticket for `GET /api/events?ticket=`: a browser's EventSource cannot send an Authorization
 * header. It names who it was made for and when it expires, signed with the store's secret
 * (so any instance on the same store accepts it). `sub` is an agent id, or `admin`.
 */
export function makeTicket(secret: string, sub: string, expiresAtMs: number): string {
  const payload = `${sub}.${expiresAtMs}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(secret, payload)}`;
}

export function readTicket(secret: string, ticket: string, nowMs: number): string | null {
  const [p, sig] = ticket.split('.');
  if (!p || !sig) return null;
  const payload = Buffer.from(p, 'base64url').toString('utf8');
  if (!sameSecret(sign(secret, payload), sig)) return null;
  const dot = payload.lastIndexOf('.');
  const expires = Number(payload.slice(dot + 1));
  return dot > 0 && expires > nowMs ? payload.slice(0, dot) : null;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
