import { ContractCaseSchema, type HistoryEntry } from '../../contract/cases';
import { mentionsOf, wireSummary } from '../../contract/summary';
import {
  AgentsAnswerSchema,
  ChangesAnswerSchema,
  EventsTicketAnswerSchema,
  HistoryAnswerSchema,
  LookupAnswerSchema,
  MeAnswerSchema,
  type TeamCaseWire,
} from '../../contract/team';
import type { TeamCase, TeamHistoryEntry } from '../../domain/team';
import type { TeamReader } from '../adapter';
import { joinUrl, requestJson, type HttpOptions } from '../http';

const HISTORY_KINDS = new Set(['created', 'note', 'decision', 'status', 'owner', 'mention']);

/** A history entry of the contract in the extension's terms (unknown kinds read as `other`). */
export function teamEntry(h: HistoryEntry): TeamHistoryEntry {
  return {
    at: h.at,
    by: h.by,
    kind: (HISTORY_KINDS.has(h.kind) ? h.kind : 'other') as TeamHistoryEntry['kind'],
    text: h.text,
    note: h.note ?? null,
    from: h.from ?? null,
    to: h.to ?? null,
  };
}

/** The team reads of the own contract: one lookup request per panel view, the feed, events. */
export function httpContractTeam(
  baseUrl: string,
  headers: Record<string, string>,
  http: HttpOptions,
  backend: string,
): TeamReader {
  const url = (p: string) => joinUrl(baseUrl, p);
  const caseUrl = (id: string) => url(`/api/cases/${encodeURIComponent(id)}`);
  const toTeam = (w: TeamCaseWire): TeamCase => ({
    remoteId: w.id,
    url: w.webUrl ?? caseUrl(w.id),
    status: w.status,
    owner: w.owner,
    ownerGroup: w.group,
    capturedBy: w.capturedBy,
    category: w.category,
    severity: w.severity,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    latestDecision: w.latestDecision,
    lastActivity: w.lastActivity,
    postUrl: w.post?.url ?? null,
    text: w.post?.text ?? '',
    author: w.post?.author ?? null,
    matched: w.matched,
    recentHistory: w.recentHistory.map(teamEntry),
  });
  const readCase = async (id: string) =>
    (await requestJson(http, { method: 'GET', url: caseUrl(id), headers, schema: ContractCaseSchema, backend })).data;

  return {
    async lookup(keys) {
      const r = await requestJson(http, {
        method: 'POST',
        url: url('/api/lookup'),
        headers,
        body: {
          posts: keys.posts.slice(0, 50),
          authors: keys.authors.slice(0, 100),
          threads: keys.threads.slice(0, 50),
        },
        schema: LookupAnswerSchema,
        backend,
      });
      return r.data.cases.map(toTeam);
    },
    async read(id) {
      return toTeam(wireSummary(await readCase(id), []));
    },
    async history(id) {
      const r = await requestJson(http, {
        method: 'GET',
        url: url(`/api/cases/${encodeURIComponent(id)}/history`),
        headers,
        schema: HistoryAnswerSchema,
        backend,
      });
      return r.data.history.map(teamEntry);
    },
    async roster() {
      return (
        await requestJson(http, {
          method: 'GET',
          url: url('/api/agents'),
          headers,
          schema: AgentsAnswerSchema,
          backend,
        })
      ).data;
    },
    async me() {
      return (await requestJson(http, { method: 'GET', url: url('/api/me'), headers, schema: MeAnswerSchema, backend }))
        .data.agent;
    },
    async mention(id) {
      return mentionsOf(await readCase(id))[0] ?? null;
    },
    async changes(since) {
      const r = await requestJson(http, {
        method: 'GET',
        url: url(`/api/changes${since ? `?since=${encodeURIComponent(since)}` : ''}`),
        headers,
        schema: ChangesAnswerSchema,
        backend,
      });
      return { ...r.data, changes: r.data.changes.map((c) => ({ ...c, remoteId: c.caseId })) };
    },
    async eventsUrl() {
      const r = await requestJson(http, {
        method: 'POST',
        url: url('/api/events/ticket'),
        headers,
        schema: EventsTicketAnswerSchema,
        backend,
      });
      return url(`/api/events?ticket=${encodeURIComponent(r.data.ticket)}`);
    },
    nextPollAt: (now, baseMs) => now + baseMs,
  };
}
