import { z } from 'zod';
import type { CaseStatus } from '../../domain/case';
import type { Credentials } from '../../domain/credentials';
import { authorKey } from '../../domain/author-key';
import { keyTag, teamKeysOf } from '../../domain/team-keys';
import type { Adapter, CreateInput, RemoteCase } from '../adapter';
import { PermanentError } from '../adapter';
import type { HttpOptions } from '../http';
import { capturedAgainLines, evidenceFileNames, evidenceLine, holdsEvidence, updateLines } from './helpdesk-text';
import { ticketDescription, ticketSubject } from './ticket-text';
import { TicketSchema, UserSchema, STATUS_IN, ZendeskClient, type Ticket } from './zendesk-client';
import { zendeskTeam } from './zendesk-team';

const STATUS_OUT: Partial<Record<CaseStatus, string>> = { open: 'open', waiting: 'pending', resolved: 'solved' };
const PRIORITY = { low: 'low', medium: 'normal', high: 'high', critical: 'urgent' } as const;
const Tickets = z.object({ tickets: z.array(TicketSchema) });

/**
 * Zendesk Support. A ticket's external id is its post's key (as a tag, domain/team-keys.ts), so
 * the post is found with GET /api/v2/tickets?external_id= the moment the ticket exists: right
 * before every create (a colleague may have made it), and after a create whose answer was lost.
 * Creates also carry the Idempotency-Key header. Two agents creating within the same second can
 * still both miss each other's ticket: Zendesk has no unique external id.
 */
export function zendeskAdapter(baseUrl: string, creds: Credentials, http: HttpOptions): Adapter {
  const zd = new ZendeskClient(baseUrl, creds, http);

  async function toRemote(t: Ticket, existing = false): Promise<RemoteCase> {
    const owner = t.assignee_id != null ? ((await zd.userNames([t.assignee_id])).get(t.assignee_id) ?? null) : null;
    return {
      id: String(t.id),
      url: zd.url(`/agent/tickets/${t.id}`),
      status: STATUS_IN[t.status] ?? 'open',
      owner,
      ...(existing ? { existing: true } : {}),
    };
  }

  /** The ticket already holding this post (the oldest, if a race made two). */
  async function ticketOfPost(input: CreateInput): Promise<Ticket | null> {
    const tag = keyTag('post', teamKeysOf(input.mention).post);
    const r = await zd.request({ method: 'GET', path: `/api/v2/tickets?external_id=${tag}`, schema: Tickets });
    return [...r.tickets].sort((a, b) => a.id - b.id)[0] ?? null;
  }

  /** The social author as an end user without email, matched by external id (`x:handle`). */
  async function requesterId(input: CreateInput): Promise<number | null> {
    const key = authorKey(input.mention);
    if (!key) return null;
    const name = input.mention.author.name ?? input.mention.author.handle ?? key;
    const r = await zd.request({
      method: 'POST',
      path: '/api/v2/users/create_or_update',
      body: { user: { name, external_id: key, role: 'end-user' } },
      schema: z.object({ user: UserSchema }),
    });
    return r.user.id;
  }

  async function comment(id: string, lines: string[], extra: Record<string, unknown> = {}): Promise<void> {
    const ticket = { ...extra, ...(lines.length ? { comment: { body: lines.join('\n'), public: false } } : {}) };
    if (!Object.keys(ticket).length) return;
    await zd.request({
      method: 'PUT',
      path: `/api/v2/tickets/${encodeURIComponent(id)}`,
      body: { ticket },
      schema: z.object({ ticket: TicketSchema }),
    });
  }

  return {
    kind: 'zendesk',
    nativeIdempotency: true,
    lookupDelayMs: 0,

    async create(input) {
      const held = await ticketOfPost(input);
      if (held) {
        await comment(String(held.id), capturedAgainLines(input.capturedBy, input.mention.url, input.note));
        return toRemote(held, true);
      }
      const requester = await requesterId(input);
      const r = await zd.request({
        method: 'POST',
        path: '/api/v2/tickets',
        body: { ticket: ticketBody(input, requester) },
        schema: z.object({ ticket: TicketSchema }),
        sideEffect: true,
        ...withKey(input.idempotencyKey),
      });
      return toRemote(r.ticket);
    },

    async findByKey(input) {
      const t = await ticketOfPost(input);
      return t ? toRemote(t) : null;
    },

    async read(id) {
      const r = await zd.request({
        method: 'GET',
        path: `/api/v2/tickets/${encodeURIComponent(id)}?include=users`,
        schema: z.object({ ticket: TicketSchema, users: z.array(UserSchema).optional() }),
      });
      zd.remember(r.users);
      return toRemote(r.ticket);
    },

    async update(input) {
      const ticket: Record<string, unknown> = {};
      const status = input.status && STATUS_OUT[input.status];
      if (status) ticket.status = status;
      if (input.ownerId != null && Number(input.ownerId)) ticket.assignee_id = Number(input.ownerId);
      else if (input.owner === null) ticket.assignee_id = null;
      if (input.group !== undefined) ticket.group_id = input.group?.id ? Number(input.group.id) : null;
      if (input.group && input.owner === undefined) ticket.assignee_id = null;
      if (input.mention) {
        const k = teamKeysOf(input.mention);
        ticket.additional_tags = [keyTag('post', k.post), keyTag('thread', k.thread)].concat(
          k.author ? [keyTag('author', k.author)] : [],
        );
      }
      const to = input.group && input.owner == null ? `team ${input.group.name}` : (input.owner ?? null);
      await comment(input.remoteId, updateLines(input, to, true), ticket);
    },

    /**
     * The uploads API takes each file and answers a token; a private comment carries the tokens,
     * which attaches the files to the ticket. A comment is not idempotent, so after a send that may
     * have arrived the ticket's comments are read first for this hash.
     */
    async sendEvidence(input) {
      const id = encodeURIComponent(input.remoteId);
      if (input.lookFirst) {
        const r = await zd.request({
          method: 'GET',
          path: `/api/v2/tickets/${id}/comments?sort_order=desc&per_page=100`,
          schema: z.object({ comments: z.array(z.object({ body: z.string().nullable().optional() })) }),
        });
        if (r.comments.some((c) => holdsEvidence(c.body, input.sha256))) return;
      }
      const names = evidenceFileNames(input.sha256);
      const upload = async (name: string, file: Blob) =>
        (
          await zd.request({
            method: 'POST',
            path: `/api/v2/uploads?filename=${encodeURIComponent(name)}`,
            upload: file,
            schema: z.object({ upload: z.object({ token: z.string() }) }),
          })
        ).upload.token;
      const tokens = [
        await upload(names.image, new Blob([input.image as Uint8Array<ArrayBuffer>], { type: 'image/png' })),
        await upload(names.json, new Blob([input.json], { type: 'application/json' })),
      ];
      await zd.request({
        method: 'PUT',
        path: `/api/v2/tickets/${id}`,
        body: { ticket: { comment: { body: evidenceLine(input), public: false, uploads: tokens } } },
        schema: z.object({ ticket: TicketSchema }),
        sideEffect: true,
      });
    },

    async testConnection() {
      const r = await zd.request({
        method: 'GET',
        path: '/api/v2/users/me',
        schema: z.object({ user: UserSchema.extend({ id: z.number().nullable() }) }),
      });
      // Zendesk answers /users/me with an anonymous user when the credentials are not accepted.
      if (r.user.id == null || r.user.role === 'end-user')
        throw new PermanentError('Zendesk did not accept these credentials (signed in as an anonymous or end user)');
      return { backend: 'Zendesk', agent: r.user.name ?? String(r.user.id) };
    },

    team: zendeskTeam(zd),
  };
}

/** Zendesk keeps a create's Idempotency-Key for a while: a replay within it makes no second ticket. */
function withKey(key: string): { extraHeaders: Record<string, string> } {
  return { extraHeaders: { 'Idempotency-Key': key } };
}

export function ticketBody(input: CreateInput, requesterId: number | null) {
  const k = teamKeysOf(input.mention);
  return {
    subject: ticketSubject(input),
    comment: { body: ticketDescription(input, 'text'), public: false },
    ...(requesterId != null ? { requester_id: requesterId } : {}),
    external_id: keyTag('post', k.post),
    priority: PRIORITY[input.severity],
    tags: [
      'complaint_capture',
      `platform_${input.mention.platform}`,
      `category_${input.category}`,
      `severity_${input.severity}`,
      keyTag('post', k.post),
      keyTag('thread', k.thread),
      ...(k.author ? [keyTag('author', k.author)] : []),
    ],
  };
}
