import type { ProblemCode } from '../domain/problem';

/** HTTPS is required, except on loopback where a team tries the reference backend. */
export function checkBackendUrl(
  input: string,
): { ok: true; url: string; origin: string } | { ok: false; error: ProblemCode } {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, error: 'backend_url_invalid' };
  }
  const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback))
    return { ok: false, error: 'backend_url_insecure' };
  if (u.username || u.password) return { ok: false, error: 'backend_url_credentials' };
  return { ok: true, url: `${u.origin}${u.pathname.replace(/\/+$/, '')}`, origin: u.origin };
}

/** The match pattern for permissions.request / contains (ports are not part of match patterns). */
export function originPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}
