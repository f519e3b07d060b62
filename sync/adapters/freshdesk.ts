import { z } from 'zod';
import type { CaseStatus } from '../../domain/case';
import type { Credentials } from '../../domain/credentials';
import { authorKey } from '../../domain/author-key';
import { keyTag, teamKeysOf } from '../../domain/team-keys';
import type { Adapter, CreateInput, RemoteCase } from '../adapter';
import type { HttpOptions } from '../http';
import { FreshdeskClient, STATUS_IN, TicketSchema, type Ticket } from './freshdesk-client';
import { freshdeskTeam } from './freshdesk-team';
import { capturedAgainLines, evidenceFileNames, evidenceLine, holdsEvidence, updateLines } from './helpdesk-text';
import { ticketDescription, ticketSubject } from './ticket-text';

/** The ticket custom field (type text) the team adds in Freshdesk to hold the mention key. */
export const MENTION_KEY_FIELD = 'cf_mention_key';

const STATUS_OUT: Partial<Record<CaseStatus, number>> = { open: 2, waiting: 3, resolved: 4 };
const PRIORITY = { low: 1, medium: 2, high: 3, critical: 4 } as const;
/** Freshdesk's search index lags behind creates by minutes. */
const SEARCH_LAG_MS = 5 * 60_000;
/** Right before a create, tickets updated this recently are read from the list (not the lagging index). */
const RECENT_MS = 15 * 60_000;

/**
 * Freshdesk API v2. It has no idempotency keys: the mention key goes in a custom field and a
 * create whose answer was lost is searched for by that field (after the index caught up) before
 * it is sent again. Before every create the post's tag is looked for, in the search index and
 * among the tickets updated in the last 15 minutes (which the index may not hold yet).
 */
export function freshdeskAdapter(baseUrl: string, creds: Credentials, http: HttpOptions): Adapter {
  const fd = new FreshdeskClient(baseUrl, creds, http);

  async function toRemote(t: Ticket, existing = false): Promise<RemoteCase> {
    return {
      id: String(t.id),
      url: fd.url(`/a/tickets/${t.id}`),
      status: STATUS_IN[t.status] ?? 'open',
      owner: await fd.agentName(t.responder_id),
      ...(existing ? { existing: true } : {}),
    };
  }

  /** The ticket already holding this post: in the search index, or updated in the last minutes. */
  async function ticketOfPost(input: CreateInput): Promise<Ticket | null> {
    const tag = keyTag('post', teamKeysOf(input.mention).post);
    const since = new Date((http.now?.() ?? Date.now()) - RECENT_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const [indexed, recent] = await Promise.all([
      fd.request({
        method: 'GET',
        path: `/api/v2/search/tickets?query=${encodeURIComponent(`"tag:'${tag}'"`)}`,
        schema: z.object({ results: z.array(TicketSchema) }),
      }),
      fd.request({
        method: 'GET',
        path: `/api/v2/tickets?updated_since=${since}&order_by=updated_at&order_type=desc&per_page=100`,
        schema: z.array(TicketSchema),
      }),
    ]);
    const all = [...indexed.results, ...recent.filter((t) => t.tags?.includes(tag))];
    return all.sort((a, b) => a.id - b.id)[0] ?? null;
  }

  async function addNote(id: string, lines: string[]): Promise<void> {
    if (!lines.length) return;
    await fd.request({
      method: 'POST',
      path: `/api/v2/tickets/${encodeURIComponent(id)}/notes`,
      body: {
        body: lines.map((l) => `<p>${l.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`).join(''),
        private: true,
      },
      schema: z.object({ id: z.number() }),
    });
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
    const found = await fd.request({
      method: 'GET',
      path: `/api/v2/contacts?unique_external_id=${encodeURIComponent(key)}`,
      schema: z.array(Contact),
    });
    if (found[0]) return found[0].id;
    const made = await fd.request({
      method: 'POST',
      path: '/api/v2/contacts',
      body: { name: m.author.name ?? m.author.handle ?? key, unique_external_id: key },
      schema: Contact,
    });
    return made.id;
  }

  return {
    kind: 'freshdesk',
    nativeIdempotency: false,
    lookupDelayMs: SEARCH_LAG_MS,

    async create(input) {
      const held = await ticketOfPost(input);
      if (held) {
        await addNote(String(held.id), capturedAgainLines(input.capturedBy, input.mention.url, input.note));
        return toRemote(held, true);
      }
      const requester = input.mention.platform === 'x' && input.mention.author.handle ? null : await contactId(input);
      const t = await fd.request({
        method: 'POST',
        path: '/api/v2/tickets',
        body: ticketBody(input, requester),
        schema: TicketSchema,
        sideEffect: true,
      });
      return toRemote(t);
    },

    async findByKey(input) {
      const query = `"${MENTION_KEY_FIELD}:'${input.idempotencyKey}'"`;
      const r = await fd.request({
        method: 'GET',
        path: `/api/v2/search/tickets?query=${encodeURIComponent(query)}`,
        schema: z.object({ results: z.array(TicketSchema), total: z.number().optional() }),
      });
      const t = [...r.results].sort((a, b) => a.id - b.id)[0];
      return t ? toRemote(t) : null;
    },

    async read(id) {
      return toRemote(
        await fd.request({ method: 'GET', path: `/api/v2/tickets/${encodeURIComponent(id)}`, schema: TicketSchema }),
      );
    },

    async update(input) {
      const fields: Record<string, unknown> = {};
      const status = input.status && STATUS_OUT[input.status];
      if (status) fields.status = status;
      if (input.ownerId != null && Number(input.ownerId)) fields.responder_id = Number(input.ownerId);
      else if (input.owner === null || (input.group && input.owner === undefined)) fields.responder_id = null;
      if (input.group !== undefined) fields.group_id = input.group?.id ? Number(input.group.id) : null;
      if (input.mention) {
        // PUT replaces the tag list: read it, add the attached post's keys.
        const t = await fd.request({
          method: 'GET',
          path: `/api/v2/tickets/${encodeURIComponent(input.remoteId)}`,
          schema: TicketSchema,
        });
        fields.tags = [...new Set([...(t.tags ?? []), ...keyTags(input.mention)])];
      }
      if (Object.keys(fields).length)
        await fd.request({
          method: 'PUT',
          path: `/api/v2/tickets/${encodeURIComponent(input.remoteId)}`,
          body: fields,
          schema: TicketSchema,
        });
      const to = input.group && input.owner == null ? `team ${input.group.name}` : (input.owner ?? null);
      await addNote(input.remoteId, updateLines(input, to, false));
    },

    /**
     * A private note with the image and its JSON as attachments (multipart, `attachments[]`).
     * Freshdesk has no idempotency keys: after a send that may have arrived, the ticket's
     * conversations are read first for this hash.
     */
    async sendEvidence(input) {
      const id = encodeURIComponent(input.remoteId);
      if (input.lookFirst) {
        const notes = await fd.request({
          method: 'GET',
          path: `/api/v2/tickets/${id}/conversations?per_page=100`,
          schema: z.array(z.object({ body_text: z.string().nullable().optional() })),
        });
        if (notes.some((n) => holdsEvidence(n.body_text, input.sha256))) return;
      }
      const names = evidenceFileNames(input.sha256);
      const form = new FormData();
      form.append('body', `<p>${evidenceLine(input).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`);
      form.append('private', 'true');
      form.append(
        'attachments[]',
        new Blob([input.image as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
        names.image,
      );
      form.append('attachments[]', new Blob([input.json], { type: 'application/json' }), names.json);
      await fd.request({
        method: 'POST',
        path: `/api/v2/tickets/${id}/notes`,
        upload: form,
        schema: z.object({ id: z.number() }),
        sideEffect: true,
      });
    },

    async testConnection() {
      const r = await fd.request({
        method: 'GET',
        path: '/api/v2/agents/me',
        schema: z.object({ contact: z.object({ name: z.string().nullable().optional() }) }),
      });
      return { backend: 'Freshdesk', agent: r.contact.name ?? null };
    },

    team: freshdeskTeam(fd),
  };
}

function keyTags(m: CreateInput['mention']): string[] {
  const k = teamKeysOf(m);
  return [keyTag('post', k.post), keyTag('thread', k.thread), ...(k.author ? [keyTag('author', k.author)] : [])];
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
    tags: ['complaint-capture', `platform:${m.platform}`, `category:${input.category}`, ...keyTags(m)],
    custom_fields: { [MENTION_KEY_FIELD]: input.idempotencyKey },
  };
}
