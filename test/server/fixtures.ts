import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { Faults, NO_FAULTS, type FaultConfig } from '../../server/faults';
import type { RateLimit } from '../../server/rate-limit';
import { SqliteStore } from '../../server/sqlite/store';
import type { CaseStore } from '../../server/store';
import type { Mention } from '../../domain/mention';
import { mention } from '../helpers';
import { AddAgentAnswerSchema } from '../../contract/team';

export const TOKEN = 'test-token';

export interface Running {
  url: string;
  store: CaseStore;
  faults: Faults;
  dir: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  faults?: Partial<FaultConfig>;
  ticketMs?: number;
  /** Off unless given (the tests of other things must never be throttled). */
  rateLimit?: RateLimit | null;
}

/** An instance of the reference backend over `store`, in-process, on a free loopback port. */
export async function serveStore(
  store: CaseStore,
  faults: Faults,
  opts: ServeOptions = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp({
    store,
    token: TOKEN,
    faults,
    test: true,
    eventPollMs: 50,
    ticketMs: opts.ticketMs,
    rateLimit: opts.rateLimit ?? null,
  });
  const server: Server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        app.hub.closeAll();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const newFaults = (f: Partial<FaultConfig> = {}) => new Faults({ ...NO_FAULTS, ...f });

/** Starts the reference backend in-process on SQLite, on a free loopback port. */
export async function startBackend(
  faults: Partial<FaultConfig> = {},
  dir = mkdtempSync(join(tmpdir(), 'cc-backend-')),
  opts: Omit<ServeOptions, 'faults'> = {},
): Promise<Running> {
  const store: CaseStore = new SqliteStore(dir);
  const f = newFaults(faults);
  const instance = await serveStore(store, f, opts);
  return {
    url: instance.url,
    store,
    faults: f,
    dir,
    close: async () => {
      await instance.close();
      await store.close();
    },
  };
}

/** The shared sample mention, numbered so each capture is a different post. */
export function sampleMention(n = 1, over: Partial<Mention> = {}): Mention {
  return mention({
    url: `https://x.com/marloesdv/status/${17900000000 + n}`,
    postId: String(17900000000 + n),
    ...over,
  });
}

/** A request to the backend as one agent (the admin token by default); the answer's status and JSON. */
export async function call(
  be: { url: string },
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const r = await fetch(`${be.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${opts.token ?? TOKEN}`,
      ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null, headers: r.headers };
}

/** Adds an agent with the admin token; their own token. */
export async function addAgent(be: { url: string }, name: string): Promise<string> {
  const r = await call(be, 'POST', '/api/agents', { body: { name } });
  if (r.status !== 201) throw new Error(`add agent ${name}: ${r.status} ${JSON.stringify(r.body)}`);
  return AddAgentAnswerSchema.parse(r.body).token;
}

/** A create body for sample post n (override the mention to make variants of one post). */
export function createBody(n = 1, over: Partial<Mention> = {}, note = '') {
  return { mention: sampleMention(n, over), category: 'outage', severity: 'high', note, capturedBy: 'Sanne' };
}
