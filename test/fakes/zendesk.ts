import { FakeClock, fakeFetchOver, json, notFound, RateLimit, type FakeAnswer, type FakeRequest } from './fake-http';

/**
 * A Zendesk Support account in memory, answering the endpoints the adapter uses as Zendesk
 * documents them: list endpoints (tickets by external id, a user's requested tickets) are current
 * at once, the Search API only holds tickets made more than `searchLagMs` ago; 429 with
 * Retry-After past the plan's per-minute limit; X-Rate-Limit headers on every answer; a create's
 * Idempotency-Key replays the first ticket. Agents authenticate with `email/token:<token>`.
 */
interface ZUser {
  id: number;
  name: string;
  role: 'end-user' | 'agent' | 'admin';
  external_id: string | null;
  token?: string;
  email?: string;
}
interface ZTicket {
  id: number;
  status: string;
  subject: string;
  description: string;
  priority: string | null;
  requester_id: number | null;
  submitter_id: number;
  assignee_id: number | null;
  group_id: number | null;
  external_id: string | null;
  tags: string[];
  created_at: string;
  updated_at: string;
}
interface ZAudit {
  ticket_id: number;
  author_id: number;
  created_at: string;
  events: Record<string, unknown>[];
}

export class FakeZendesk {
  readonly base = 'https://acme.zendesk.com';
  readonly clock: FakeClock;
  readonly limit: RateLimit;
  readonly users: ZUser[] = [];
  readonly tickets: ZTicket[] = [];
  readonly audits: ZAudit[] = [];
  readonly groups: { id: number; name: string; members: number[] }[] = [];
  /** Files uploaded and not yet attached, by upload token (Zendesk drops them when the token expires). */
  readonly uploads = new Map<string, { file_name: string; content_type: string; bytes: Uint8Array }>();
  private readonly keys = new Map<string, number>();
  private nextId = 100;
  searchLagMs = 3 * 60_000;
  readonly fetch: typeof fetch;
  readonly log: string[];

  constructor(opts: { clock?: FakeClock; perMinute?: number } = {}) {
    this.clock = opts.clock ?? new FakeClock();
    this.limit = new RateLimit(this.clock, opts.perMinute ?? 700, {
      limit: 'X-Rate-Limit',
      remaining: 'X-Rate-Limit-Remaining',
    });
    const f = fakeFetchOver(this.base, this.limit, (r) => this.route(r));
    this.fetch = f.fetch;
    this.log = f.log;
  }

  addAgent(name: string): { id: number; credentials: { email: string; token: string; authMode: 'api-token' } } {
    const u: ZUser = {
      id: this.nextId++,
      name,
      role: 'agent',
      external_id: null,
      token: `tok-${name}`,
      email: `${name.toLowerCase()}@acme.nl`,
    };
    this.users.push(u);
    return { id: u.id, credentials: { email: u.email!, token: u.token!, authMode: 'api-token' } };
  }

  addGroup(name: string, members: number[]): number {
    const id = this.nextId++;
    this.groups.push({ id, name, members });
    return id;
  }

  private now = () => this.clock.iso();

  private agentOf(r: FakeRequest): ZUser | null {
    const m = /^Basic (.+)$/.exec(r.headers.get('authorization') ?? '');
    const plain = m ? atob(m[1]!) : '';
    const token = /\/token:(.+)$/.exec(plain)?.[1];
    return this.users.find((u) => u.token && u.token === token && u.role !== 'end-user') ?? null;
  }

  private route(r: FakeRequest): FakeAnswer {
    const me = this.agentOf(r);
    if (!me) return json(401, { error: "Couldn't authenticate you" });
    const p = r.path;
    let m: RegExpExecArray | null;
    if (p === '/api/v2/users/me') return json(200, { user: me });
    if (p === '/api/v2/users/create_or_update' && r.method === 'POST') return this.createOrUpdateUser(r);
    if (p === '/api/v2/users/show_many') {
      const ids = (r.query.get('ids') ?? '').split(',').filter(Boolean).map(Number);
      const ext = (r.query.get('external_ids') ?? '').split(',').filter(Boolean);
      return json(200, {
        users: this.users.filter((u) => ids.includes(u.id) || (u.external_id && ext.includes(u.external_id))),
      });
    }
    if (p === '/api/v2/users/search')
      return json(200, { users: this.users.filter((u) => u.external_id === r.query.get('external_id')) });
    if ((m = /^\/api\/v2\/users\/(\d+)\/tickets\/requested$/.exec(p)))
      return json(200, { tickets: this.sorted(this.tickets.filter((t) => t.requester_id === Number(m![1]))) });
    if ((m = /^\/api\/v2\/users\/(\d+)$/.exec(p))) {
      const u = this.users.find((x) => x.id === Number(m![1]));
      return u ? json(200, { user: u }) : notFound('User');
    }
    if (p === '/api/v2/uploads' && r.method === 'POST') return this.upload(r);
    if (p === '/api/v2/tickets' && r.method === 'POST') return this.createTicket(r, me);
    if (p === '/api/v2/tickets')
      return json(200, { tickets: this.tickets.filter((t) => t.external_id === r.query.get('external_id')) });
    if (p === '/api/v2/search') return this.search(r.query.get('query') ?? '');
    if (p === '/api/v2/groups/assignable')
      return json(200, { groups: this.groups.map(({ id, name }) => ({ id, name })) });
    if (p === '/api/v2/group_memberships/assignable') {
      const ids = new Set(this.groups.flatMap((g) => g.members));
      return json(200, {
        group_memberships: this.groups.flatMap((g) => g.members.map((u) => ({ user_id: u, group_id: g.id }))),
        users: this.users.filter((u) => ids.has(u.id)),
      });
    }
    if ((m = /^\/api\/v2\/tickets\/(\d+)(?:\/(comments|audits))?$/.exec(p))) {
      const t = this.tickets.find((x) => x.id === Number(m![1]));
      if (!t) return notFound('Ticket');
      if (m[2] === 'audits') return json(200, { audits: this.audits.filter((a) => a.ticket_id === t.id) });
      if (m[2] === 'comments') {
        const comments = this.audits
          .filter((a) => a.ticket_id === t.id)
          .flatMap((a) =>
            a.events
              .filter((e) => e.type === 'Comment')
              .map((e) => ({
                id: this.nextId++,
                author_id: a.author_id,
                body: e.body,
                created_at: a.created_at,
                attachments: e.attachments ?? [],
              })),
          );
        return json(200, { comments: r.query.get('sort_order') === 'desc' ? comments.reverse() : comments });
      }
      if (r.method === 'PUT') return this.updateTicket(t, r, me);
      return json(200, { ticket: t, ...(r.query.get('include') === 'users' ? { users: this.users } : {}) });
    }
    return json(404, { error: 'InvalidEndpoint', description: `${r.method} ${p}` });
  }

  private createOrUpdateUser(r: FakeRequest): FakeAnswer {
    const body = (r.body as { user: { name: string; external_id: string; role: ZUser['role'] } }).user;
    const found = this.users.find((u) => u.external_id === body.external_id);
    if (found) return json(200, { user: found });
    const u: ZUser = {
      id: this.nextId++,
      name: body.name,
      role: body.role ?? 'end-user',
      external_id: body.external_id,
    };
    this.users.push(u);
    return json(201, { user: u });
  }

  private createTicket(r: FakeRequest, me: ZUser): FakeAnswer {
    const key = r.headers.get('idempotency-key');
    const replay = key ? this.keys.get(key) : undefined;
    if (replay !== undefined)
      return {
        status: 201,
        body: { ticket: this.tickets.find((t) => t.id === replay) },
        headers: { 'x-idempotency-lookup': 'hit' },
      };
    const b = (r.body as { ticket: Record<string, unknown> }).ticket;
    const at = this.now();
    const t: ZTicket = {
      id: this.nextId++,
      status: 'new',
      subject: String(b.subject ?? ''),
      description: String((b.comment as { body?: string } | undefined)?.body ?? ''),
      priority: (b.priority as string) ?? null,
      requester_id: (b.requester_id as number) ?? me.id,
      submitter_id: me.id,
      assignee_id: null,
      group_id: null,
      external_id: (b.external_id as string) ?? null,
      tags: (b.tags as string[]) ?? [],
      created_at: at,
      updated_at: at,
    };
    this.tickets.push(t);
    if (key) this.keys.set(key, t.id);
    this.audits.push({
      ticket_id: t.id,
      author_id: me.id,
      created_at: at,
      events: [
        { type: 'Create', field_name: 'status', value: 'new' },
        { type: 'Comment', body: t.description, public: false },
      ],
    });
    return { status: 201, body: { ticket: t }, headers: { 'x-idempotency-lookup': 'miss' } };
  }

  private updateTicket(t: ZTicket, r: FakeRequest, me: ZUser): FakeAnswer {
    const b = (r.body as { ticket: Record<string, unknown> }).ticket;
    const events: Record<string, unknown>[] = [];
    const change = (field: 'status' | 'assignee_id' | 'group_id', value: unknown) => {
      if (value === undefined || t[field] === value) return;
      events.push({
        type: 'Change',
        field_name: field,
        value: value === null ? null : String(value),
        previous_value: t[field] === null ? null : String(t[field]),
      });
      Object.assign(t, { [field]: value });
    };
    change('status', b.status);
    change('assignee_id', b.assignee_id);
    change('group_id', b.group_id);
    if (Array.isArray(b.additional_tags)) t.tags = [...new Set([...t.tags, ...(b.additional_tags as string[])])];
    const comment = b.comment as { body: string; public: boolean; uploads?: string[] } | undefined;
    if (comment) {
      // Each upload token attaches its file to this comment, once (Zendesk then forgets the token).
      const attachments = (comment.uploads ?? []).flatMap((token) => {
        const f = this.uploads.get(token);
        this.uploads.delete(token);
        return f
          ? [
              {
                id: this.nextId++,
                file_name: f.file_name,
                content_type: f.content_type,
                size: f.bytes.length,
                bytes: f.bytes,
              },
            ]
          : [];
      });
      events.push({ type: 'Comment', body: comment.body, public: comment.public, attachments });
    }
    t.updated_at = this.now();
    this.audits.push({ ticket_id: t.id, author_id: me.id, created_at: t.updated_at, events });
    return json(200, { ticket: t, audit: { events } });
  }

  /** POST /api/v2/uploads?filename=: the request body is the file; the answer holds its upload token. */
  private upload(r: FakeRequest): FakeAnswer {
    const name = r.query.get('filename');
    if (!name || !r.file) return json(400, { error: 'InvalidUpload', description: 'filename and a file are required' });
    const token = `upl${this.nextId++}`;
    const attachment = { id: this.nextId++, file_name: name, content_type: r.file.type, size: r.file.bytes.length };
    this.uploads.set(token, { file_name: name, content_type: r.file.type, bytes: r.file.bytes });
    return json(201, { upload: { token, attachment, attachments: [attachment] } });
  }

  /** The private comments of a ticket with their attached files (for tests). */
  commentsOf(
    ticketId: number,
  ): { body: string; public: boolean; attachments: { file_name: string; bytes: Uint8Array }[] }[] {
    return this.audits
      .filter((a) => a.ticket_id === ticketId)
      .flatMap((a) => a.events.filter((e) => e.type === 'Comment'))
      .map((e) => ({
        body: String(e.body),
        public: e.public === true,
        attachments: (e.attachments as { file_name: string; bytes: Uint8Array }[] | undefined) ?? [],
      }));
  }

  /** `type:ticket tags:<tag>`: only tickets the index holds (made more than searchLagMs ago). */
  private search(query: string): FakeAnswer {
    const tags = [...query.matchAll(/tags:(\S+)/g)].map((x) => x[1]!);
    const cutoff = this.clock.now() - this.searchLagMs;
    const results = this.tickets.filter(
      (t) => Date.parse(t.created_at) <= cutoff && tags.every((tag) => t.tags.includes(tag)),
    );
    return json(200, { results: results.map((t) => ({ ...t, result_type: 'ticket' })), count: results.length });
  }

  private sorted(ts: ZTicket[]): ZTicket[] {
    return [...ts].sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  }
}
