import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearer, sameSecret, tokenHash } from './auth';
import type { Actor } from './case-model';
import { EventHub } from './events';
import type { Faults } from './faults';
import { HttpError, parseJson, readBody, send, sleep } from './http';
import { RateLimiter, type RateLimit } from './rate-limit';
import { caseRoutes } from './routes/cases';
import { evidenceRoutes } from './routes/evidence';
import type { RouteContext } from './routes/context';
import { teamRoutes, ticketHolder } from './routes/team';
import type { CaseStore } from './store';

export interface AppOptions {
  store: CaseStore;
  /** The admin token (`--token`): every endpoint, and it may name who acts (`by`, `capturedBy`). */
  token: string;
  faults: Faults;
  /** Enables GET /api/_stats and PUT /api/_faults, for tests only. */
  test: boolean;
  /** How often an open event stream looks for changes made by another instance (ms). */
  eventPollMs?: number;
  /** How long an event ticket is valid (ms). */
  ticketMs?: number;
  /** Requests per token (null: no limit). */
  rateLimit?: RateLimit | null;
}

export interface App {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The open event streams, to end them when the server stops. */
  hub: EventHub;
  /** The server is stopping: requests that still come in on open connections get 503. */
  stopping: boolean;
}

/** The reference backend's request handler: the contract of docs/backend-contract.md. */
export function createApp(opts: AppOptions): App {
  const { store, faults } = opts;
  const counters = { created: 0, replayed: 0, mismatched: 0, existing: 0 };
  const hub = new EventHub(store, opts.eventPollMs ?? 1000);
  const limiter = new RateLimiter(opts.rateLimit ?? null);
  const admin: Actor = { agentId: null, name: 'admin', admin: true };

  /** Who the request is from: the admin token, an agent's token, or (for events only) a ticket. */
  async function authenticate(req: IncomingMessage, url: URL, path: string): Promise<Actor | null> {
    const token = bearer(req.headers.authorization);
    if (token) {
      if (sameSecret(token, opts.token)) return admin;
      const agent = await store.agentByTokenHash(tokenHash(token));
      return agent ? { agentId: agent.id, name: agent.name, admin: false } : null;
    }
    const ticket = url.searchParams.get('ticket');
    if (path === '/api/events' && ticket) {
      const holder = await ticketHolder({ store }, ticket);
      if (holder === 'admin') return admin;
      const agent = holder ? (await store.agents()).find((a) => a.id === holder) : undefined;
      return agent ? { agentId: agent.id, name: agent.name, admin: false } : null;
    }
    return null;
  }

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/\/+$/, '');
      if (req.method === 'OPTIONS') return send(res, 204, null);
      // Another instance (or this one, restarted) takes the retry; the connection is closed.
      if (app.stopping)
        return send(res, 503, { error: 'The server is stopping' }, { 'Retry-After': '1', Connection: 'close' });
      // For a load balancer's health check: no token, and it asks the database.
      if (path === '/api/health' && req.method === 'GET') {
        await store.latestCursor();
        return send(res, 200, { status: 'ok' });
      }
      if (opts.test && path === '/api/_stats' && req.method === 'GET') {
        return send(res, 200, {
          ...(await store.stats()),
          creates: counters,
          faults: faults.counts,
          ...(url.searchParams.has('urls') ? { urls: await store.urlKeys() } : {}),
        });
      }
      if (opts.test && path === '/api/_faults' && req.method === 'PUT') {
        Object.assign(faults.config, parseJson((await readBody(req)) || '{}'));
        return send(res, 200, faults.config);
      }
      const actor = await authenticate(req, url, path);
      if (!actor) return send(res, 401, { error: 'Missing or wrong bearer token' });
      const wait = limiter.take(actor.agentId ?? 'admin');
      if (wait !== null)
        return send(
          res,
          429,
          {
            error: `Too many requests with this token (at most ${limiter.limit!.perSecond} a second): try again in ${wait} s`,
          },
          { 'Retry-After': String(wait) },
        );

      if (faults.config.paused || faults.config.latencyMs > 0) {
        // Counted while held, so a test knows its request is in flight (e.g. before a shutdown).
        faults.counts.waiting++;
        while (faults.config.paused) await sleep(20);
        if (faults.config.latencyMs > 0) await sleep(faults.config.latencyMs);
        faults.counts.waiting--;
      }
      const fault = faults.beforeRequest();
      if (fault.kind === '429')
        return send(res, 429, { error: 'Too many requests' }, { 'Retry-After': String(fault.retryAfter) });
      if (fault.kind === '5xx') return send(res, fault.status, { error: 'Injected server error' });

      const ctx: RouteContext = {
        req,
        res,
        url,
        path,
        actor,
        store,
        hub,
        faults,
        counters,
        ticketMs: opts.ticketMs ?? 10 * 60_000,
      };
      if ((await evidenceRoutes(ctx)) || (await caseRoutes(ctx)) || (await teamRoutes(ctx))) return;
      return send(res, 404, { error: `No route ${req.method} ${path}` });
    } catch (e) {
      if (res.headersSent) return void res.end();
      if (e instanceof HttpError) return send(res, e.status, { error: e.message });
      // Never echo internals; the console gets the detail.
      console.error(e);
      return send(res, 500, { error: 'Internal error' });
    }
  };
  const app: App = Object.assign(handler, { hub, stopping: false });
  return app;
}
