import { z } from 'zod';
import type { CaseStatus, Severity } from '../../domain/case';
import type { Credentials } from '../../domain/credentials';
import type { TeamCase, TeamMatch } from '../../domain/team';
import { joinUrl, requestJson, type HttpOptions, type RequestSpec } from '../http';
import { Pacer } from '../pacer';
import { fromDescription, fromTags, isoOf } from './helpdesk-text';

export const TicketSchema = z.object({
  id: z.number(),
  status: z.string(),
  assignee_id: z.number().nullable().optional(),
  group_id: z.number().nullable().optional(),
  requester_id: z.number().nullable().optional(),
  submitter_id: z.number().nullable().optional(),
  external_id: z.string().nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  subject: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  priority: z.string().nullable().optional(),
  created_at: z.string().nullable().optional(),
  updated_at: z.string().nullable().optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;
export const UserSchema = z.object({
  id: z.number(),
  name: z.string().nullable().optional(),
  role: z.string().optional(),
  external_id: z.string().nullable().optional(),
});
export type User = z.infer<typeof UserSchema>;

export const STATUS_IN: Record<string, CaseStatus> = {
  new: 'new',
  open: 'open',
  pending: 'waiting',
  hold: 'waiting',
  solved: 'resolved',
  closed: 'resolved',
};
const SEVERITY_IN: Record<string, Severity> = { low: 'low', normal: 'medium', high: 'high', urgent: 'critical' };

/**
 * What the Zendesk adapter and its team reads share: credentials, the request wrapper (every
 * answer's rate-limit headers go to the pacer), and the names of users and groups by id.
 */
export class ZendeskClient {
  readonly headers: Record<string, string>;
  readonly backend = 'Zendesk';
  readonly pacer = new Pacer();
  private readonly names = new Map<number, string | null>();
  private groupNames: Map<number, string> | null = null;

  constructor(
    readonly baseUrl: string,
    creds: Credentials,
    readonly http: HttpOptions,
  ) {
    this.headers = {
      Authorization:
        creds.authMode === 'oauth'
          ? `Bearer ${creds.token}`
          : `Basic ${btoa(unescape(encodeURIComponent(`${creds.email ?? ''}/token:${creds.token}`)))}`,
    };
  }

  url(path: string): string {
    return joinUrl(this.baseUrl, path);
  }

  async request<T>(
    spec: Omit<RequestSpec<T>, 'headers' | 'backend' | 'url'> & { path: string; extraHeaders?: Record<string, string> },
  ): Promise<T> {
    const { path, extraHeaders, ...rest } = spec;
    try {
      const r = await requestJson(this.http, {
        ...rest,
        url: this.url(path),
        headers: { ...this.headers, ...extraHeaders },
        backend: this.backend,
      });
      this.pacer.observe(r.headers);
      return r.data;
    } catch (e) {
      this.pacer.failed(e, this.http.now?.() ?? Date.now());
      throw e;
    }
  }

  remember(users: User[] | undefined): void {
    for (const u of users ?? []) this.names.set(u.id, u.name ?? null);
  }

  /** Names of these users, asking Zendesk (one request) only for those not seen yet. */
  async userNames(ids: (number | null | undefined)[]): Promise<Map<number, string>> {
    const missing = [...new Set(ids.filter((i): i is number => i != null && !this.names.has(i)))];
    for (let i = 0; i < missing.length; i += 100) {
      const r = await this.request({
        method: 'GET',
        path: `/api/v2/users/show_many?ids=${missing.slice(i, i + 100).join(',')}`,
        schema: z.object({ users: z.array(UserSchema) }),
      });
      this.remember(r.users);
    }
    const out = new Map<number, string>();
    for (const id of ids) if (id != null) out.set(id, this.names.get(id) ?? `Zendesk user ${id}`);
    return out;
  }

  async groupName(id: number | null | undefined): Promise<string | null> {
    if (id == null) return null;
    if (!this.groupNames?.has(id)) {
      const r = await this.request({
        method: 'GET',
        path: '/api/v2/groups/assignable',
        schema: z.object({ groups: z.array(z.object({ id: z.number(), name: z.string() })) }),
      });
      this.groupNames = new Map(r.groups.map((g) => [g.id, g.name]));
    }
    return this.groupNames.get(id) ?? `Zendesk group ${id}`;
  }

  /** A ticket as the team sees it; names come from the caches (fill them first with userNames). */
  async toTeam(t: Ticket, matched: TeamMatch[]): Promise<TeamCase> {
    const names = await this.userNames([t.assignee_id, t.submitter_id]);
    const tags = fromTags(t.tags);
    const desc = fromDescription(t.description);
    const updatedAt = isoOf(t.updated_at) ?? isoOf(t.created_at) ?? new Date(0).toISOString();
    return {
      remoteId: String(t.id),
      url: this.url(`/agent/tickets/${t.id}`),
      status: STATUS_IN[t.status] ?? 'open',
      owner: t.assignee_id != null ? (names.get(t.assignee_id) ?? null) : null,
      ownerGroup: t.assignee_id == null ? await this.groupName(t.group_id) : null,
      capturedBy: desc.capturedBy ?? (t.submitter_id != null ? (names.get(t.submitter_id) ?? null) : null),
      category: tags.category,
      severity: tags.severity ?? SEVERITY_IN[t.priority ?? ''] ?? 'medium',
      createdAt: isoOf(t.created_at),
      updatedAt,
      latestDecision: null,
      lastActivity: null,
      postUrl: desc.link,
      text: (t.subject ?? '').slice(0, 280),
      matched,
      recentHistory: [],
    };
  }
}
