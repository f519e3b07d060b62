import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { Faults, NO_FAULTS, type FaultConfig } from '../../server/faults';
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

/** Starts the reference backend in-process on a free loopback port. */
export async function startBackend(
  faults: Partial<FaultConfig> = {},
  dir = mkdtempSync(join(tmpdir(), 'cc-backend-')),
  opts: { ticketMs?: number } = {},
): Promise<Running> {
  const store: CaseStore = new SqliteStore(dir);
  const f = new Faults({ ...NO_FAULTS, ...faults });
  const app = createApp({ store, token: TOKEN, faults: f, test: true, eventPollMs: 50, ...opts });
  const server: Server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    faults: f,
    dir,
    close: () =>
      new Promise<void>((r) => {
        app.hub.closeAll();
        server.closeAllConnections();
        server.close(() => void store.close().then(r));
      }),
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
): Promise<{ status: number; body: unknown }> {
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
  return { status: r.status, body: text ? JSON.parse(text) : null };
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
