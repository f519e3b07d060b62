import { z } from 'zod';
import type { CaseStatus } from '../../domain/case';
import type { Credentials } from '../../domain/credentials';
import { authorKey } from '../../domain/author-key';
import type { Adapter, CreateInput, RemoteCase } from '../adapter';
import { PermanentError } from '../adapter';
import { joinUrl, requestJson, type HttpOptions } from '../http';
import { ticketDescription, ticketSubject } from './ticket-text';

const TicketSchema = z.object({
  id: z.number(),
  status: z.string(),
  assignee_id: z.number().nullable().optional(),
  external_id: z.string().nullable().optional(),
});
type Ticket = z.infer<typeof TicketSchema>;
const UserSchema = z.object({ id: z.number(), name: z.string().nullable().optional(), role: z.string().optional() });

const STATUS_IN: Record<string, CaseStatus> = {
  new: 'new',
  open: 'open',
  pending: 'waiting',
  hold: 'waiting',
  solved: 'resolved',
  closed: 'resolved',
};
const STATUS_OUT: Partial<Record<CaseStatus, string>> = { open: 'open', waiting: 'pending', resolved: 'solved' };
const PRIORITY = { low: 'low', medium: 'normal', high: 'high', critical: 'urgent' } as const;

/**
 * Zendesk Support. Creates carry the Idempotency-Key header (Zendesk keeps keys for a while) and
 * external_id = the key, so a lost answer is found with GET /api/v2/tickets?external_id=.
 */
export function zendeskAdapter(baseUrl: string, creds: Credentials, http: HttpOptions): Adapter {
  const auth =
    creds.authMode === 'oauth'
      ? `Bearer ${creds.token}`
      : `Basic ${btoa(unescape(encodeURIComponent(`${creds.email ?? ''}/token:${creds.token}`)))}`;
  const headers = { Authorization: auth };
  const backend = 'Zendesk';
  const url = (p: string) => joinUrl(baseUrl, p);
  const names = new Map<number, string | null>();

  async function toRemote(t: Ticket, users: z.infer<typeof UserSchema>[] = []): Promise<RemoteCase> {
    for (const u of users) names.set(u.id, u.name ?? null);
    let owner: string | null = null;
    if (t.assignee_id != null) {
      if (!names.has(t.assignee_id)) {
        const r = await requestJson(http, {
          method: 'GET',
          url: url(`/api/v2/users/${t.assignee_id}`),
          headers,
          schema: z.object({ user: UserSchema }),
          backend,
        });
        names.set(t.assignee_id, r.data.user.name ?? null);
      }
      owner = names.get(t.assignee_id) ?? `Zendesk user ${t.assignee_id}`;
    }
    return { id: String(t.id), url: url(`/agent/tickets/${t.id}`), status: STATUS_IN[t.status] ?? 'open', owner };
  }

  /** The social author as an end user without email, matched by external id (`x:handle`). */
  async function requesterId(input: CreateInput): Promise<number | null> {
    const key = authorKey(input.mention);
    if (!key) return null;
    const name = input.mention.author.name ?? input.mention.author.handle ?? key;
    const r = await requestJson(http, {
      method: 'POST',
      url: url('/api/v2/users/create_or_update'),
      headers,
      body: { user: { name, external_id: key, role: 'end-user' } },
      schema: z.object({ user: UserSchema }),
      backend,
    });
    return r.data.user.id;
  }

  return {
    kind: 'zendesk',
    nativeIdempotency: true,
    lookupDelayMs: 0,

    async create(input) {
      const requester = await requesterId(input);
      const r = await requestJson(http, {
        method: 'POST',
        url: url('/api/v2/tickets'),
        headers: { ...headers, 'Idempotency-Key': input.idempotencyKey },
        body: { ticket: ticketBody(input, requester) },
        schema: z.object({ ticket: TicketSchema }),
        sideEffect: true,
        backend,
      });
      return toRemote(r.data.ticket);
    },

    async findByKey(input) {
      const r = await requestJson(http, {
        method: 'GET',
        url: url(`/api/v2/tickets?external_id=${encodeURIComponent(input.idempotencyKey)}`),
        headers,
        schema: z.object({ tickets: z.array(TicketSchema) }),
        backend,
      });
      // Several tickets may share an external id; the first one made is ours.
      const t = [...r.data.tickets].sort((a, b) => a.id - b.id)[0];
      return t ? toRemote(t) : null;
    },

    async read(id) {
      const r = await requestJson(http, {
        method: 'GET',
        url: url(`/api/v2/tickets/${encodeURIComponent(id)}?include=users`),
        headers,
        schema: z.object({ ticket: TicketSchema, users: z.array(UserSchema).optional() }),
        backend,
      });
      return toRemote(r.data.ticket, r.data.users);
    },

    async update(input) {
      const ticket: Record<string, unknown> = {};
      const status = input.status && STATUS_OUT[input.status];
      if (status) ticket.status = status;
      // Zendesk assigns agents by id; a name typed in the extension goes in as an internal note.
      const lines: string[] = [];
      if (input.owner !== undefined) lines.push(input.owner ? `Owner: ${input.owner}` : 'Owner removed');
      if (input.note)
        lines.push(`${input.note.kind === 'decision' ? 'Decision' : 'Note'} by ${input.note.by}: ${input.note.text}`);
      if (lines.length) ticket.comment = { body: lines.join('\n'), public: false };
      if (!Object.keys(ticket).length) return;
      await requestJson(http, {
        method: 'PUT',
        url: url(`/api/v2/tickets/${encodeURIComponent(input.remoteId)}`),
        headers,
        body: { ticket },
        schema: z.object({ ticket: TicketSchema }),
        backend,
      });
    },

    async testConnection() {
      const r = await requestJson(http, {
        method: 'GET',
        url: url('/api/v2/users/me'),
        headers,
        schema: z.object({ user: UserSchema.extend({ id: z.number().nullable() }) }),
        backend,
      });
      // Zendesk answers /users/me with an anonymous user when the credentials are not accepted.
      if (r.data.user.id == null || r.data.user.role === 'end-user')
        throw new PermanentError('Zendesk did not accept these credentials (signed in as an anonymous or end user)');
      return `Connected to Zendesk as ${r.data.user.name ?? r.data.user.id}`;
    },
  };
}

export function ticketBody(input: CreateInput, requesterId: number | null) {
  return {
    subject: ticketSubject(input),
    comment: { body: ticketDescription(input, 'text'), public: false },
    ...(requesterId != null ? { requester_id: requesterId } : {}),
    external_id: input.idempotencyKey,
    priority: PRIORITY[input.severity],
    tags: [
      'complaint_capture',
      `platform_${input.mention.platform}`,
      `category_${input.category}`,
      `severity_${input.severity}`,
    ],
  };
}
