import type { z } from 'zod';
import { PermanentError, TransientError, UnknownOutcomeError } from './adapter';
import { parseRetryAfter } from './retry-after';
import { problem, type Problem } from '../domain/problem';

/** The error with its problem (code and data) beside its message: the case shows it worded (sync/problem.ts). */
function withProblem<E extends Error>(error: E, p: Problem): E {
  return Object.assign(error, { problem: p });
}

export type FetchFn = typeof fetch;

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  /**
   * A file instead of JSON: a Blob goes as-is with its own type (Zendesk's uploads), a FormData as
   * multipart/form-data with the boundary the browser picks (Freshdesk's attachments).
   */
  upload?: Blob | FormData;
  schema: z.ZodType<T>;
  /** A create: a lost answer makes the outcome unknown instead of merely failed. */
  sideEffect?: boolean;
  /** Names the backend in messages ("Zendesk answered …"). */
  backend: string;
}

export interface HttpOptions {
  fetch: FetchFn;
  timeoutMs: number;
  now?: () => number;
}

/**
 * One request with the error mapping every adapter shares: 2xx is validated with Zod,
 * 408/409/429/5xx are transient (Retry-After honoured), other 4xx permanent with the
 * backend's own message, and a network error after a create was sent is "unknown".
 */
export async function requestJson<T>(
  opts: HttpOptions,
  spec: RequestSpec<T>,
): Promise<{ status: number; data: T; headers: Headers }> {
  let res: Response;
  try {
    const type = spec.upload
      ? spec.upload instanceof Blob
        ? spec.upload.type || 'application/octet-stream'
        : null
      : spec.body !== undefined
        ? 'application/json'
        : null;
    res = await opts.fetch(spec.url, {
      method: spec.method,
      headers: { Accept: 'application/json', ...(type ? { 'Content-Type': type } : {}), ...spec.headers },
      body: spec.upload ?? (spec.body !== undefined ? JSON.stringify(spec.body) : undefined),
      signal: AbortSignal.timeout(opts.timeoutMs),
      // Credentials go in headers we set; never send the browser's cookies to the backend.
      credentials: 'omit',
      // A redirect could carry the credentials to another origin: refuse to follow it.
      redirect: 'manual',
    });
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    const seconds = String(Math.round(opts.timeoutMs / 1000));
    const why = timedOut ? `no answer within ${seconds} s` : 'network error';
    const backend = spec.backend;
    if (spec.sideEffect)
      throw withProblem(
        new UnknownOutcomeError(`${backend}: ${why} after the request was sent`),
        problem('sync_sent_no_answer', { backend }),
      );
    throw withProblem(
      new TransientError(`${backend}: ${why}`),
      timedOut ? problem('sync_timeout', { backend, seconds }) : problem('sync_network', { backend }),
    );
  }
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
    const location = res.headers.get('location') ?? '';
    throw withProblem(
      new PermanentError(
        `${spec.backend} redirected the request${location ? ` to ${location}` : ''}; put the final https address in the settings`,
        res.status,
      ),
      problem('sync_redirect', { backend: spec.backend, location }),
    );
  }
  const text = await res.text().catch(() => '');
  if (res.ok) {
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw malformed(spec, res.status, 'the body is not JSON');
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw malformed(spec, res.status, i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'unexpected shape');
    }
    return { status: res.status, data: parsed.data, headers: res.headers };
  }
  const detail = backendMessage(text);
  const message = `${spec.backend} answered ${res.status}${detail ? `: ${detail}` : ''}`;
  const answered = problem('sync_http', { backend: spec.backend, status: String(res.status), detail });
  if (res.status === 429 || res.status === 503 || res.status === 408 || res.status === 409 || res.status >= 500) {
    const retryAfter =
      res.status === 429 || res.status === 503
        ? parseRetryAfter(res.headers.get('retry-after'), opts.now?.() ?? Date.now())
        : null;
    throw withProblem(new TransientError(message, retryAfter ?? undefined), answered);
  }
  throw withProblem(new PermanentError(message, res.status), answered);
}

function malformed(spec: RequestSpec<unknown>, status: number, detail: string): Error {
  const msg = `${spec.backend} sent a malformed answer (${status}, ${detail}); check the backend URL`;
  const p = problem('sync_malformed', { backend: spec.backend, status: String(status) });
  // A create that got a 2xx did happen: find it by key before trying again.
  return withProblem(spec.sideEffect ? new UnknownOutcomeError(msg) : new PermanentError(msg, status), p);
}

/** The human part of an error body: `{error}`, `{description, errors:[{message}]}`, `{error:{message}}`, or short text. */
export function backendMessage(text: string): string {
  if (!text) return '';
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    const parts: string[] = [];
    const pick = (v: unknown) => {
      if (typeof v === 'string' && v) parts.push(v);
      else if (v && typeof v === 'object' && 'message' in v && typeof v.message === 'string') parts.push(v.message);
    };
    pick(j.error);
    pick(j.description);
    pick(j.message);
    if (Array.isArray(j.errors))
      for (const e of j.errors.slice(0, 3))
        pick(
          e && typeof e === 'object' && 'field' in e && 'message' in e
            ? { message: `${String(e.field)}: ${String(e.message)}` }
            : e,
        );
    if (j.details && typeof j.details === 'object') parts.push(JSON.stringify(j.details).slice(0, 200));
    return parts.join('; ').slice(0, 500);
  } catch {
    return text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200);
  }
}

/** Joins a base URL and a path without doubling or losing a slash. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}
