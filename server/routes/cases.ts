import {
  BatchCreateBodySchema,
  CreateCaseBodySchema,
  PatchCaseBodySchema,
  type BatchResult,
  type CreateCaseBody,
} from '../../contract/cases';
import { HttpError, issueText, parseJson, readBody, send } from '../http';
import type { RouteContext } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A batch carries up to BATCH_MAX creates. */
const MAX_BATCH_BODY = 8_000_000;

/** Creating, finding and changing cases (docs/backend-contract.md, "The HTTP contract"). */
export async function caseRoutes(ctx: RouteContext): Promise<boolean> {
  const { req, url, path, store, counters, actor } = ctx;
  if (path === '/api/cases/batch' && req.method === 'POST') {
    const parsed = BatchCreateBodySchema.safeParse(parseJson(await readBody(req, MAX_BATCH_BODY)));
    if (!parsed.success) return reply(ctx, 400, { error: issueText(parsed.error.issues) });
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
    (await store.createMany(valid, actor)).forEach((r, j) => {
      const { i, key } = valid[j]!;
      if (r.kind === 'mismatch') {
        counters.mismatched++;
        results[i] = {
          idempotencyKey: key,
          status: 422,
          error: 'Idempotency-Key was already used with a different body',
        };
        return;
      }
      counters[r.kind]++;
      if (r.existing) counters.existing++;
      stored ||= r.kind === 'created' || r.existing;
      results[i] = {
        idempotencyKey: key,
        status: r.kind === 'created' ? 201 : 200,
        case: { ...r.case, existing: r.existing },
        ...(r.existing ? { existing: true } : {}),
      };
    });
    // As for one create: the cases are stored, the client never hears (one draw per batch).
    if (stored && injectAfterStore(ctx)) return true;
    return reply(ctx, 200, { results });
  }
  if (path === '/api/cases' && req.method === 'POST') {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !UUID.test(key))
      return reply(ctx, 400, { error: 'Idempotency-Key header with a UUID is required' });
    const parsed = CreateCaseBodySchema.safeParse(parseJson(await readBody(req)));
    if (!parsed.success) return reply(ctx, 400, { error: issueText(parsed.error.issues) });
    const r = await store.create(key, parsed.data, actor);
    if (r.kind === 'mismatch') {
      counters.mismatched++;
      return reply(ctx, 422, { error: 'Idempotency-Key was already used with a different body' });
    }
    counters[r.kind]++;
    if (r.existing) counters.existing++;
    // Simulates an answer lost on the way back: the case is stored, the client never hears.
    if (r.kind === 'created' && injectAfterStore(ctx)) return true;
    return reply(
      ctx,
      r.kind === 'created' ? 201 : 200,
      { ...r.case, existing: r.existing },
      {
        Location: `/api/cases/${r.case.id}`,
      },
    );
  }
  if (path === '/api/cases' && req.method === 'GET') {
    const key = url.searchParams.get('idempotencyKey');
    const link = url.searchParams.get('url');
    const platform = url.searchParams.get('platform');
    const handle = url.searchParams.get('handle');
    if (key) return reply(ctx, 200, { cases: await store.byKey(key) });
    if (link) return reply(ctx, 200, { cases: await store.byUrl(link) });
    if (platform && handle) return reply(ctx, 200, { cases: await store.byAuthor(platform, handle) });
    return reply(ctx, 400, { error: 'Give idempotencyKey, url, or platform and handle' });
  }
  const history = /^\/api\/cases\/([^/]+)\/history$/.exec(path);
  if (history?.[1] && req.method === 'GET') {
    const id = decodeURIComponent(history[1]);
    const c = await store.get(id);
    return c ? reply(ctx, 200, { id, history: c.history }) : reply(ctx, 404, { error: `No case ${id}` });
  }
  const one = /^\/api\/cases\/([^/]+)$/.exec(path);
  if (!one?.[1]) return false;
  const id = decodeURIComponent(one[1]);
  if (req.method === 'GET') {
    const c = await store.get(id);
    return c ? reply(ctx, 200, c) : reply(ctx, 404, { error: `No case ${id}` });
  }
  if (req.method === 'PATCH') {
    const parsed = PatchCaseBodySchema.safeParse(parseJson(await readBody(req)));
    if (!parsed.success) return reply(ctx, 400, { error: issueText(parsed.error.issues) });
    const key = req.headers['idempotency-key'];
    const c = await store.patch(id, parsed.data, typeof key === 'string' ? key : null, actor);
    if (!c) throw new HttpError(404, `No case ${id}`);
    if (injectAfterStore(ctx)) return true;
    return reply(ctx, 200, c);
  }
  return false;
}

/** A fault after a write was stored (test flags): the answer is lost or turned into a 502. */
function injectAfterStore(ctx: RouteContext): boolean {
  const fault = ctx.faults.afterStore();
  if (fault === 'drop') ctx.req.socket.destroy();
  if (fault === '502') send(ctx.res, 502, { error: 'Injected server error after storing' });
  return fault !== 'none';
}

function reply(ctx: RouteContext, status: number, body: unknown, headers?: Record<string, string>): true {
  send(ctx.res, status, body, headers);
  return true;
}
