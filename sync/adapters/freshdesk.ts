import { z } from 'zod';
import type { CaseStatus } from '../../domain/case';
import type { Credentials } from '../../domain/credentials';
import { authorKey } from '../../domain/author-key';
import type { Adapter, CreateInput, RemoteCase } from '../adapter';
import { joinUrl, requestJson, type HttpOptions } from '../http';
import { ticketDescription, ticketSubject } from './ticket-text';

/** The ticket custom field (type text) the team adds in Freshdesk to hold the mention key. */
export const MENTION_KEY_FIELD = 'cf_mention_key';

const TicketSchema = z.object({
  id: z.number(),
  status: z.number(),
  responder_id: z.number().nullable().optional(),
  custom_fields: z.record(z.string(), z.unknown()).nullable().optional(),
});
type Ticket = z.infer<typeof TicketSchema>;

const STATUS_IN: Record<number, CaseStatus> = { 2: 'open', 3: 'waiting', 4: 'resolved', 5: 'resolved' };
const STATUS_OUT: Partial<Record<CaseStatus, number>> = { open: 2, waiting: 3, resolved: 4 };
const PRIORITY = { low: 1, medium: 2, high: 3, critical: 4 } as const;
/** Freshdesk's search index lags behind creates by minutes. */
const SEARCH_LAG_MS = 5 * 60_000;

/**
 * Freshdesk API v2. It has no idempotency keys: the mention key goes in a custom field and a
 * create whose answer was lost is searched for by that field (after the index caught up) before
 * it is sent again.
 */
export function freshdeskAdapter(baseUrl: string, creds: Credentials, http: HttpOptions): Adapter {
  const headers = { Authorization: `Basic ${btoa(unescape(encodeURIComponent(`${creds.token}:X`)))}` };
  const backend = 'Freshdesk';
  const url = (p: string) => joinUrl(baseUrl, p);
  const names = new Map<number, string | null>();

  async function toRemote(t: Ticket): Promise<RemoteCase> {
    let owner: string | null = null;
    if (t.responder_id != null) {
      if (!names.has(t.responder_id)) {
        const r = await requestJson(http, {
          method: 'GET',
          url: url(`/api/v2/agents/${t.responder_id}`),
          headers,
          schema: z.object({ contact: z.object({ name: z.string().nullable().optional() }) }),
          backend,
        });
        names.set(t.responder_id, r.data.contact.name ?? null);
      }
      owner = names.get(t.responder_id) ?? `Freshdesk agent ${t.responder_id}`;
    }
    return { id: String(t.id), url: url(`/a/tickets/${t.id}`), status: STATUS_IN[t.status] ?? 'open', owner };
  }

  /**
   * Authors outside X have no field of their own on a ticket (its requester must be one of
   * requester_id, email, facebook_id, phone, twitter_id): find or make a contact by unique
   * external id (`platform:handle`) and use its id. A 409 from a concurrent make is retried.
   */
  async function contactId(input: CreateInput): Promise<number> {
    const m = input.mention;
    const key = authorKey(m) ?? `${m.platform}:unknown`;
    const Contact = z.object({ id: z.number() });
    const found = await requestJson(http, {
      method: 'GET',
      url: url(`/api/v2/contacts?unique_external_id=${encodeURIComponent(key)}`),
      headers,
      schema: z.array(Contact),
      backend,
    });
    if (found.data[0]) return found.data[0].id;
    const made = await requestJson(http, {
      method: 'POST',
      url: url('/api/v2/contacts'),
      headers,
      body: { name: m.author.name ?? m.author.handle ?? key, unique_external_id: key },
      schema: Contact,
      backend,
    });
    return made.data.id;
  }

  return {
    kind: 'freshdesk',
    nativeIdempotency: false,
    lookupDelayMs: SEARCH_LAG_MS,

    async create(input) {
      const requester = input.mention.platform === 'x' && input.mention.author.handle ? null : await contactId(input);
      const r = await requestJson(http, {
        method: 'POST',
        url: url('/api/v2/tickets'),
        headers,
        body: ticketBody(input, requester),
        schema: TicketSchema,
        sideEffect: true,
        backend,
      });
      return toRemote(r.data);
    },

    async findByKey(input) {
      const query = `"${MENTION_KEY_FIELD}:'${input.idempotencyKey}'"`;
      const r = await requestJson(http, {
        method: 'GET',
        url: url(`/api/v2/search/tickets?query=${encodeURIComponent(query)}`),
        headers,
        schema: z.object({ results: z.array(TicketSchema), total: z.number().optional() }),
        backend,
      });
      const t = [...r.data.results].sort((a, b) => a.id - b.id)[0];
      return t ? toRemote(t) : null;
    },

    async read(id) {
      const r = await requestJson(http, {
        method: 'GET',
        url: url(`/api/v2/tickets/${encodeURIComponent(id)}`),
        headers,
        schema: TicketSchema,
        backend,
      });
      return toRemote(r.data);
    },

    async update(input) {
      const status = input.status && STATUS_OUT[input.status];
      if (status)
        await requestJson(http, {
          method: 'PUT',
          url: url(`/api/v2/tickets/${encodeURIComponent(input.remoteId)}`),
          headers,
          body: { status },
          schema: TicketSchema,
          backend,
        });
      const lines: string[] = [];
      if (input.owner !== undefined) lines.push(input.owner ? `Owner: ${input.owner}` : 'Owner removed');
      if (input.note)
        lines.push(`${input.note.kind === 'decision' ? 'Decision' : 'Note'} by ${input.note.by}: ${input.note.text}`);
      if (lines.length) {
        await requestJson(http, {
          method: 'POST',
          url: url(`/api/v2/tickets/${encodeURIComponent(input.remoteId)}/notes`),
          headers,
          body: {
            body: lines.map((l) => `<p>${l.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`).join(''),
            private: true,
          },
          schema: z.object({ id: z.number() }),
          backend,
        });
      }
    },

    async testConnection() {
      const r = await requestJson(http, {
        method: 'GET',
        url: url('/api/v2/agents/me'),
        headers,
        schema: z.object({ contact: z.object({ name: z.string().nullable().optional() }) }),
        backend,
      });
      return `Connected to Freshdesk as ${r.data.contact.name ?? 'agent'}`;
    },
  };
}

export function ticketBody(input: CreateInput, requesterId: number | null) {
  const m = input.mention;
  // X authors become contacts by twitter_id; others were made by unique external id (contactId).
  const requester =
    requesterId === null && m.author.handle ? { twitter_id: m.author.handle } : { requester_id: requesterId };
  return {
    name: m.author.name ?? m.author.handle ?? 'Unknown author',
    ...requester,
    subject: ticketSubject(input),
    description: ticketDescription(input, 'html'),
    status: 2,
    priority: PRIORITY[input.severity],
    tags: ['complaint-capture', `platform:${m.platform}`, `category:${input.category}`],
    custom_fields: { [MENTION_KEY_FIELD]: input.idempotencyKey },
  };
}
