import { FakeClock, fakeFetchOver, json, notFound, RateLimit, type FakeAnswer, type FakeRequest } from './fake-http';

/**
 * A Freshdesk account in memory, answering the endpoints the adapter uses as Freshdesk documents
 * them: the filter API (`/api/v2/search/tickets`) takes a double-quoted query of at most 512
 * characters, answers 30 a page for at most 10 pages, and only holds tickets as they were
 * `searchLagMs` ago; the ticket list (`updated_since`) is current; 429 with Retry-After past the
 * plan's per-minute limit; X-RateLimit headers on every answer. Agents authenticate with `<key>:X`.
 */
interface FContact {
  id: number;
  name: string;
  unique_external_id: string | null;
  twitter_id: string | null;
}
interface FTicket {
  id: number;
  status: number;
  priority: number;
  subject: string;
  description: string;
  description_text: string;
  requester_id: number;
  responder_id: number | null;
  group_id: number | null;
  tags: string[];
  custom_fields: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}
interface FNote {
  ticket_id: number;
  user_id: number;
  body_text: string;
  private: boolean;
  created_at: string;
  attachments: { name: string; content_type: string; size: number; bytes: Uint8Array }[];
}

export class FakeFreshdesk {
  readonly base = 'https://acme.freshdesk.com';
  readonly clock: FakeClock;
  readonly limit: RateLimit;
  readonly agents: { id: number; name: string; key: string }[] = [];
  readonly groups: { id: number; name: string }[] = [];
  readonly contacts: FContact[] = [];
  readonly tickets: FTicket[] = [];
  readonly notes: FNote[] = [];
  /** Each ticket as the search index last saw it (it catches up searchLagMs after a change). */
  private readonly index = new Map<number, { at: number; ticket: FTicket }[]>();
  private nextId = 1000;
  searchLagMs = 3 * 60_000;
  readonly fetch: typeof fetch;
  readonly log: string[];

  constructor(opts: { clock?: FakeClock; perMinute?: number } = {}) {
    this.clock = opts.clock ?? new FakeClock();
    this.limit = new RateLimit(this.clock, opts.perMinute ?? 200, {
      limit: 'X-RateLimit-Total',
      remaining: 'X-RateLimit-Remaining',
    });
    const f = fakeFetchOver(this.base, this.limit, (r) => this.route(r));
    this.fetch = f.fetch;
    this.log = f.log;
  }

  addAgent(name: string): { id: number; credentials: { token: string } } {
    const a = { id: this.nextId++, name, key: `key-${name}` };
    this.agents.push(a);
    return { id: a.id, credentials: { token: a.key } };
  }

  addGroup(name: string): number {
    const id = this.nextId++;
    this.groups.push({ id, name });
    return id;
  }

  private now = () => this.clock.iso();
  private agentJson = (a: { id: number; name: string }) => ({ id: a.id, contact: { name: a.name } });

  private route(r: FakeRequest): FakeAnswer {
    const auth = /^Basic (.+)$/.exec(r.headers.get('authorization') ?? '');
    const me = this.agents.find((a) => auth && atob(auth[1]!) === `${a.key}:X`);
    if (!me)
      return json(401, { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' });
    const p = r.path;
    let m: RegExpExecArray | null;
    if (p === '/api/v2/agents/me') return json(200, this.agentJson(me));
    if (p === '/api/v2/agents') return json(200, this.agents.map(this.agentJson));
    if ((m = /^\/api\/v2\/agents\/(\d+)$/.exec(p))) {
      const a = this.agents.find((x) => x.id === Number(m![1]));
      return a ? json(200, this.agentJson(a)) : notFound('Agent');
    }
    if (p === '/api/v2/groups') return json(200, this.groups);
    if (p === '/api/v2/contacts' && r.method === 'POST') {
      const b = r.body as { name: string; unique_external_id: string };
      if (this.contacts.some((c) => c.unique_external_id === b.unique_external_id))
        return json(409, { errors: [{ field: 'unique_external_id', message: 'It should be a unique value' }] });
      return json(201, this.contact(b.name, b.unique_external_id, null));
    }
    if (p === '/api/v2/contacts')
      return json(
        200,
        this.contacts.filter((c) => c.unique_external_id === r.query.get('unique_external_id')),
      );
    if (p === '/api/v2/tickets' && r.method === 'POST') return this.createTicket(r);
    if (p === '/api/v2/tickets') {
      const since = Date.parse(r.query.get('updated_since') ?? '') || this.clock.now() - 30 * 86_400_000;
      const list = this.tickets.filter((t) => Date.parse(t.updated_at) >= since);
      return json(
        200,
        list.sort((a, b) => b.updated_at.localeCompare(a.updated_at)).slice(0, Number(r.query.get('per_page') ?? 30)),
      );
    }
    if (p === '/api/v2/search/tickets') return this.search(r);
    if ((m = /^\/api\/v2\/tickets\/(\d+)(?:\/(notes|conversations))?$/.exec(p))) {
      const t = this.tickets.find((x) => x.id === Number(m![1]));
      if (!t) return notFound('Ticket');
      const notes = () => this.notes.filter((n) => n.ticket_id === t.id);
      if (m[2] === 'notes') {
        // JSON, or multipart/form-data when it carries attachments (`attachments[]`).
        const b = r.form
          ? { body: r.form.fields.body ?? '', private: r.form.fields.private === 'true' }
          : (r.body as { body: string; private: boolean });
        const attachments = (r.form?.files ?? [])
          .filter((f) => f.field === 'attachments[]')
          .map((f) => ({ name: f.name, content_type: f.type, size: f.bytes.length, bytes: f.bytes }));
        if (r.form && r.form.files.some((f) => f.field !== 'attachments[]'))
          return json(400, {
            description: 'Validation failed',
            errors: [{ field: 'attachments', message: 'invalid' }],
          });
        const text = htmlText(b.body);
        this.notes.push({
          ticket_id: t.id,
          user_id: me.id,
          body_text: text,
          private: b.private,
          created_at: this.now(),
          attachments,
        });
        this.touch(t);
        return json(201, { id: this.nextId++, body_text: text });
      }
      if (m[2] === 'conversations')
        return json(
          200,
          notes().map(({ attachments, ...n }) => ({ ...n, attachments: attachments.map(({ bytes: _, ...a }) => a) })),
        );
      if (r.method === 'PUT') {
        Object.assign(t, r.body);
        this.touch(t);
        return json(200, t);
      }
      return json(200, {
        ...t,
        ...(r.query.get('include') === 'conversations' ? { conversations: notes().slice(-10) } : {}),
      });
    }
    return json(404, { code: 'invalid_url', message: `${r.method} ${p}` });
  }

  private contact(name: string, ext: string | null, twitter: string | null): FContact {
    const c = { id: this.nextId++, name, unique_external_id: ext, twitter_id: twitter };
    this.contacts.push(c);
    return c;
  }

  private createTicket(r: FakeRequest): FakeAnswer {
    const b = r.body as Record<string, unknown>;
    const requester =
      (b.requester_id as number | undefined) ??
      (
        this.contacts.find((c) => c.twitter_id === b.twitter_id) ??
        this.contact(String(b.name), null, String(b.twitter_id))
      ).id;
    const at = this.now();
    const t: FTicket = {
      id: this.nextId++,
      status: Number(b.status ?? 2),
      priority: Number(b.priority ?? 1),
      subject: String(b.subject ?? ''),
      description: String(b.description ?? ''),
      description_text: htmlText(String(b.description ?? '')),
      requester_id: requester,
      responder_id: null,
      group_id: null,
      tags: (b.tags as string[]) ?? [],
      custom_fields: (b.custom_fields as Record<string, unknown>) ?? {},
      created_at: at,
      updated_at: at,
    };
    this.tickets.push(t);
    this.touch(t, at);
    return json(201, t);
  }

  private touch(t: FTicket, at = this.now()): void {
    t.updated_at = at;
    this.index.set(t.id, [...(this.index.get(t.id) ?? []), { at: this.clock.now(), ticket: structuredClone(t) }]);
  }

  /** What the index holds now: each ticket's last version older than the lag. */
  private indexed(): FTicket[] {
    const cutoff = this.clock.now() - this.searchLagMs;
    return [...this.index.values()].flatMap((versions) => {
      const seen = versions.filter((v) => v.at <= cutoff).at(-1);
      return seen ? [seen.ticket] : [];
    });
  }

  private search(r: FakeRequest): FakeAnswer {
    const raw = r.query.get('query') ?? '';
    if (raw.length > 512 || !/^".*"$/.test(raw))
      return json(400, { description: 'Validation failed', errors: [{ field: 'query', message: 'query is invalid' }] });
    const page = Number(r.query.get('page') ?? 1);
    if (page > 10)
      return json(400, {
        description: 'Validation failed',
        errors: [{ field: 'page', message: 'It should be less than or equal to 10' }],
      });
    const terms = raw
      .slice(1, -1)
      .split(/\s+OR\s+/)
      .map((t) => /^(tag|cf_[a-z_]+):'(.*)'$/.exec(t.trim()));
    const results = this.indexed().filter((t) =>
      terms.some((x) => x && (x[1] === 'tag' ? t.tags.includes(x[2]!) : t.custom_fields[x[1]!] === x[2])),
    );
    return json(200, { results: results.slice((page - 1) * 30, page * 30), total: results.length });
  }
}

/** Freshdesk's `*_text` fields: the HTML's text, one paragraph a line, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<\/p>\s*<p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
}
