import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import {
  BatchCreateBodySchema,
  CreateCaseBodySchema,
  PatchCaseBodySchema,
  type BatchResult,
  type CreateCaseBody,
} from '../contract/cases';
import type { Faults } from './faults';
import type { CaseStore } from './store';

export interface AppOptions {
  store: CaseStore;
  token: string;
  faults: Faults;
  /** Enables GET /api/_stats and PUT /api/_faults, for tests only. */
  test: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BODY = 1_000_000;
/** A batch carries up to BATCH_MAX creates. */
const MAX_BATCH_BODY = 8_000_000;

/** The reference backend's request handler: the contract of docs/backend-contract.md. */
export function createApp(opts: AppOptions) {
  const { store, faults } = opts;
  const creates = { created: 0, replayed: 0, mismatched: 0 };
  const expected = Buffer.from(`Bearer ${opts.token}`);

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/\/+$/, '');
      if (req.method === 'OPTIONS') return send(res, 204, null);
      if (opts.test && path === '/api/_stats' && req.method === 'GET') {
        return send(res, 200, {
          ...store.stats(),
          creates,
          faults: faults.counts,
          ...(url.searchParams.has('urls') ? { urls: store.urlKeys() } : {}),
        });
      }
      if (opts.test && path === '/api/_faults' && req.method === 'PUT') {
        Object.assign(faults.config, JSON.parse((await readBody(req)) || '{}'));
        return send(res, 200, faults.config);
      }
      const auth = Buffer.from(req.headers.authorization ?? '');
      if (auth.length !== expected.length || !timingSafeEqual(auth, expected))
        return send(res, 401, { error: 'Missing or wrong bearer token' });

      while (faults.config.paused) await sleep(20);
      if (faults.config.latencyMs > 0) await sleep(faults.config.latencyMs);
      const fault = faults.beforeRequest();
      if (fault.kind === '429')
        return send(res, 429, { error: 'Too many requests' }, { 'Retry-After': String(fault.retryAfter) });
      if (fault.kind === '5xx') return send(res, fault.status, { error: 'Injected server error' });

      if (path === '/api/cases/batch' && req.method === 'POST') {
        const parsed = BatchCreateBodySchema.safeParse(parseJson(await readBody(req, MAX_BATCH_BODY)));
        if (!parsed.success) return send(res, 400, { error: issueText(parsed.error.issues) });
        const results: BatchResult[] = [];
        const valid: { i: number; key: string; body: CreateCaseBody }[] = [];
        parsed.data.cases.forEach((item, i) => {
          const key = item && typeof item === 'object' && 'idempotencyKey' in item ? item.idempotencyKey : undefined;
          if (typeof key !== 'string' || !UUID.test(key))
            return void (results[i] = {
              idempotencyKey: typeof key === 'string' ? key : null,
              status: 400,
              error: 'idempotencyKey with a UUID is required',
            });
          const body = CreateCaseBodySchema.safeParse(item);
          if (!body.success)
            return void (results[i] = { idempotencyKey: key, status: 400, error: issueText(body.error.issues) });
          valid.push({ i, key, body: body.data });
        });
        let stored = false;
        store.createMany(valid).forEach((r, j) => {
          const { i, key } = valid[j]!;
          if (r.kind === 'mismatch') {
            creates.mismatched++;
            results[i] = {
              idempotencyKey: key,
              status: 422,
              error: 'Idempotency-Key was already used with a different body',
            };
          } else {
            creates[r.kind]++;
            stored ||= r.kind === 'created';
            results[i] = { idempotencyKey: key, status: r.kind === 'created' ? 201 : 200, case: r.case };
          }
        });
        // As for one create: the cases are stored, the client never hears (one draw per batch).
        if (stored && faults.dropAfterStore()) return void req.socket.destroy();
        return send(res, 200, { results });
      }
      if (path === '/api/cases' && req.method === 'POST') {
        const key = req.headers['idempotency-key'];
        if (typeof key !== 'string' || !UUID.test(key))
          return send(res, 400, { error: 'Idempotency-Key header with a UUID is required' });
        const parsed = CreateCaseBodySchema.safeParse(parseJson(await readBody(req)));
        if (!parsed.success) return send(res, 400, { error: issueText(parsed.error.issues) });
        const r = store.create(key, parsed.data);
        if (r.kind === 'mismatch') {
          creates.mismatched++;
          return send(res, 422, { error: 'Idempotency-Key was already used with a different body' });
        }
        creates[r.kind]++;
        // Simulates an answer lost on the way back: the case is stored, the client never hears.
        if (r.kind === 'created' && faults.dropAfterStore()) return void req.socket.destroy();
        return send(res, r.kind === 'created' ? 201 : 200, r.case, { Location: `/api/cases/${r.case.id}` });
      }
      if (path === '/api/cases' && req.method === 'GET') {
        const key = url.searchParams.get('idempotencyKey');
        const link = url.searchParams.get('url');
        const platform = url.searchParams.get('platform');
        const handle = url.searchParams.get('handle');
        if (key) return send(res, 200, { cases: store.byKey(key) });
        if (link) return send(res, 200, { cases: store.byUrl(link) });
        if (platform && handle) return send(res, 200, { cases: store.byAuthor(platform, handle) });
        return send(res, 400, { error: 'Give idempotencyKey, url, or platform and handle' });
      }
      const one = /^\/api\/cases\/([^/]+)$/.exec(path);
      if (one?.[1]) {
        const id = decodeURIComponent(one[1]);
        if (req.method === 'GET') {
          const c = store.get(id);
          return c ? send(res, 200, c) : send(res, 404, { error: `No case ${id}` });
        }
        if (req.method === 'PATCH') {
          const parsed = PatchCaseBodySchema.safeParse(parseJson(await readBody(req)));
          if (!parsed.success) return send(res, 400, { error: issueText(parsed.error.issues) });
          const key = req.headers['idempotency-key'];
          const c = store.patch(id, parsed.data, typeof key === 'string' ? key : null);
          return c ? send(res, 200, c) : send(res, 404, { error: `No case ${id}` });
        }
      }
      return send(res, 404, { error: `No route ${req.method} ${path}` });
    } catch (e) {
      if (e instanceof BodyError) return send(res, e.status, { error: e.message });
      // Never echo internals; the console gets the detail.
      console.error(e);
      return send(res, 500, { error: 'Internal error' });
    }
  };
}

class BodyError extends Error {
  constructor(
    public status: number,
    message: string,
  ) {
    super(message);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'Body is not valid JSON');
  }
}

function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) reject(new BodyError(413, 'Body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function issueText(issues: { path: PropertyKey[]; message: string }[]): string {
  const i = issues[0];
  return i ? `Invalid body: ${i.path.map(String).join('.') || '(root)'} ${i.message}` : 'Invalid body';
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === null ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
