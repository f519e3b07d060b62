import { z } from 'zod';
import type { CaseStatus, Severity } from '../../domain/case';
import type { Credentials } from '../../domain/credentials';
import type { TeamCase, TeamMatch } from '../../domain/team';
import { joinUrl, requestJson, type HttpOptions, type RequestSpec } from '../http';
import { Pacer } from '../pacer';
import { fromDescription, fromTags, isoOf } from './helpdesk-text';

export const TicketSchema = z.object({
  id: z.number(),
  status: z.number(),
  priority: z.number().nullable().optional(),
  responder_id: z.number().nullable().optional(),
  group_id: z.number().nullable().optional(),
  requester_id: z.number().nullable().optional(),
  subject: z.string().nullable().optional(),
  description_text: z.string().nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  custom_fields: z.record(z.string(), z.unknown()).nullable().optional(),
  created_at: z.string().nullable().optional(),
  updated_at: z.string().nullable().optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const STATUS_IN: Record<number, CaseStatus> = { 2: 'open', 3: 'waiting', 4: 'resolved', 5: 'resolved' };
const SEVERITY_IN: Record<number, Severity> = { 1: 'low', 2: 'medium', 3: 'high', 4: 'critical' };
const Member = z.object({ id: z.number(), name: z.string() });

/**
 * What the Freshdesk adapter and its team reads share: credentials, the request wrapper (every
 * answer's rate-limit headers go to the pacer), and agents' and groups' names by id.
 */
export class FreshdeskClient {
  readonly headers: Record<string, string>;
  readonly backend = 'Freshdesk';
  readonly pacer = new Pacer();
  readonly agentNames = new Map<number, string | null>();
  private groupNames: Map<number, string> | null = null;

  constructor(
    readonly baseUrl: string,
    creds: Credentials,
    readonly http: HttpOptions,
  ) {
    this.headers = { Authorization: `Basic ${btoa(unescape(encodeURIComponent(`${creds.token}:X`)))}` };
  }

  url(path: string): string {
    return joinUrl(this.baseUrl, path);
  }

  async request<T>(spec: Omit<RequestSpec<T>, 'headers' | 'backend' | 'url'> & { path: string }): Promise<T> {
    const { path, ...rest } = spec;
    try {
      const r = await requestJson(this.http, {
        ...rest,
        url: this.url(path),
        headers: this.headers,
        backend: this.backend,
      });
      this.pacer.observe(r.headers);
      return r.data;
    } catch (e) {
      this.pacer.failed(e, this.http.now?.() ?? Date.now());
      throw e;
    }
  }

  async agentName(id: number | null | undefined): Promise<string | null> {
    if (id == null) return null;
    if (!this.agentNames.has(id)) {
      const r = await this.request({
        method: 'GET',
        path: `/api/v2/agents/${id}`,
        schema: z.object({ contact: z.object({ name: z.string().nullable().optional() }) }),
      });
      this.agentNames.set(id, r.contact.name ?? null);
    }
    return this.agentNames.get(id) ?? `Freshdesk agent ${id}`;
  }

  /** Every agent (first 100) and group, also filling the name caches. */
  async roster(): Promise<{ agents: { id: number; name: string }[]; groups: { id: number; name: string }[] }> {
    const [agents, groups] = await Promise.all([
      this.request({
        method: 'GET',
        path: '/api/v2/agents?per_page=100',
        schema: z.array(z.object({ id: z.number(), contact: z.object({ name: z.string().nullable().optional() }) })),
      }),
      this.request({ method: 'GET', path: '/api/v2/groups?per_page=100', schema: z.array(Member) }),
    ]);
    for (const a of agents) this.agentNames.set(a.id, a.contact.name ?? null);
    this.groupNames = new Map(groups.map((g) => [g.id, g.name]));
    return {
      agents: agents.map((a) => ({ id: a.id, name: a.contact.name ?? `Freshdesk agent ${a.id}` })),
      groups,
    };
  }

  async groupName(id: number | null | undefined): Promise<string | null> {
    if (id == null) return null;
    if (!this.groupNames?.has(id)) await this.roster();
    return this.groupNames?.get(id) ?? `Freshdesk group ${id}`;
  }

  async toTeam(t: Ticket, matched: TeamMatch[]): Promise<TeamCase> {
    const tags = fromTags(t.tags);
    const desc = fromDescription(t.description_text);
    return {
      remoteId: String(t.id),
      url: this.url(`/a/tickets/${t.id}`),
      status: STATUS_IN[t.status] ?? 'open',
      owner: await this.agentName(t.responder_id),
      ownerGroup: t.responder_id == null ? await this.groupName(t.group_id) : null,
      capturedBy: desc.capturedBy,
      category: tags.category,
      severity: tags.severity ?? SEVERITY_IN[t.priority ?? 0] ?? 'medium',
      createdAt: isoOf(t.created_at),
      updatedAt: isoOf(t.updated_at) ?? isoOf(t.created_at) ?? new Date(0).toISOString(),
      latestDecision: null,
      lastActivity: null,
      postUrl: desc.link,
      text: (t.subject ?? '').slice(0, 280),
      matched,
      recentHistory: [],
    };
  }
}
