import { LookupBodySchema, NameBodySchema } from '../../contract/team';
import { makeTicket, newToken, readTicket, tokenHash } from '../auth';
import { cursorParam, HttpError, issueText, limitParam, parseJson, readBody, send } from '../http';
import { NameTakenError } from '../store';
import type { RouteContext } from './context';

/** The team endpoints (docs/backend-contract.md, "Team"): who is who, lookups, the change feed. */
export async function teamRoutes(ctx: RouteContext): Promise<boolean> {
  const { req, url, path, store, actor } = ctx;
  const get = req.method === 'GET';
  if (path === '/api/me' && get)
    return reply(ctx, 200, {
      agent: actor.agentId ? { id: actor.agentId, name: actor.name } : null,
      admin: actor.admin,
    });
  if (path === '/api/agents' && get) {
    const [agents, groups] = await Promise.all([store.agents(), store.groups()]);
    return reply(ctx, 200, { agents, groups });
  }
  if ((path === '/api/agents' || path === '/api/groups') && req.method === 'POST') {
    if (!actor.admin) throw new HttpError(403, 'Only the admin token adds agents and groups');
    const body = NameBodySchema.safeParse(parseJson(await readBody(req)));
    if (!body.success) return reply(ctx, 400, { error: issueText(body.error.issues) });
    try {
      if (path === '/api/groups') return reply(ctx, 201, { group: await store.addGroup(body.data.name, actor) });
      const token = newToken();
      return reply(ctx, 201, { agent: await store.addAgent(body.data.name, tokenHash(token), actor), token });
    } catch (e) {
      if (e instanceof NameTakenError) throw new HttpError(409, e.message);
      throw e;
    }
  }
  if (path === '/api/lookup' && req.method === 'POST') {
    const body = LookupBodySchema.safeParse(parseJson(await readBody(req)));
    if (!body.success) return reply(ctx, 400, { error: issueText(body.error.issues) });
    // The cursor first: a change made while the lookup runs is then in the feed after it.
    const cursor = await store.latestCursor();
    return reply(ctx, 200, { cases: await store.lookup(body.data), cursor });
  }
  if (path === '/api/changes' && get) {
    const since = cursorParam(url.searchParams.get('since'));
    // Without a cursor a client starts now: the current cursor, none of the past.
    if (since === null) return reply(ctx, 200, { changes: [], cursor: await store.latestCursor(), more: false });
    const page = await store.changes(since, limitParam(url.searchParams.get('limit'), 200, 1000));
    return reply(ctx, 200, { changes: page.items, cursor: page.cursor, more: page.more });
  }
  if (path === '/api/audit' && get) {
    if (!actor.admin) throw new HttpError(403, 'Only the admin token reads the audit');
    const page = await store.audit(
      cursorParam(url.searchParams.get('since')),
      limitParam(url.searchParams.get('limit'), 500, 5000),
    );
    return reply(ctx, 200, { entries: page.items, cursor: page.cursor, more: page.more });
  }
  if (path === '/api/backup' && req.method === 'POST') {
    if (!actor.admin) throw new HttpError(403, 'Only the admin token makes backups');
    const file = await store.backup();
    if (!file) throw new HttpError(501, 'This store is PostgreSQL: back it up with pg_dump');
    return reply(ctx, 201, { file });
  }
  if (path === '/api/events/ticket' && req.method === 'POST') {
    const expires = Date.now() + ctx.ticketMs;
    const ticket = makeTicket(await store.secret(), actor.agentId ?? 'admin', expires);
    return reply(ctx, 200, { ticket, expiresAt: new Date(expires).toISOString() });
  }
  if (path === '/api/events' && get) {
    await ctx.hub.stream(req, ctx.res, cursorParam(url.searchParams.get('since')));
    return true;
  }
  return false;
}

/** Who an event ticket (`GET /api/events?ticket=`) was made for: an agent id, `admin`, or null. */
export async function ticketHolder(ctx: Pick<RouteContext, 'store'>, ticket: string): Promise<string | null> {
  return readTicket(await ctx.store.secret(), ticket, Date.now());
}

function reply(ctx: RouteContext, status: number, body: unknown): true {
  send(ctx.res, status, body);
  return true;
}
