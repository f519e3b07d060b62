import { z } from 'zod';
import type { TeamCase, TeamHistoryEntry, TeamMatch } from '../../domain/team';
import { keyTag, postKey } from '../../domain/team-keys';
import { urlKey } from '../../domain/url-key';
import type { TeamReader } from '../adapter';
import { TicketSchema, type FreshdeskClient, type Ticket } from './freshdesk-client';
import { fromDescription, isoOf, notesToHistory } from './helpdesk-text';

const ConversationSchema = z.object({
  body_text: z.string().nullable().optional(),
  user_id: z.number().nullable().optional(),
  private: z.boolean().optional(),
  created_at: z.string(),
});
const SearchSchema = z.object({ results: z.array(TicketSchema), total: z.number().optional() });
/** Freshdesk's search takes a query of at most 512 characters (quotes included). */
const QUERY_MAX = 500;
/** Tickets whose decision and who-captured a lookup reads (one request each, remembered per update). */
const DETAILED = 5;
/** Search answers 30 tickets a page and at most 10 pages; a panel reads two. */
const PAGES = 2;

/**
 * Freshdesk's team reads go through its filter API (`GET /api/v2/search/tickets`, tags
 * `ccp_…`/`cca_…`/`cct_…`), whose index lags behind creates and updates by minutes: a colleague's
 * new case shows in the panel minutes later. Right before a create the adapter also reads the
 * tickets updated in the last minutes (a list, not the index): see freshdesk.ts.
 */
export function freshdeskTeam(fd: FreshdeskClient): TeamReader {
  const details = new Map<string, Pick<TeamCase, 'latestDecision' | 'lastActivity' | 'capturedBy'>>();

  /** Tickets carrying any of these tags, in as few queries as the 512-character limit allows. */
  async function byTags(tags: string[]): Promise<Ticket[]> {
    const queries: string[][] = [];
    for (const tag of tags) {
      const last = queries.at(-1);
      const term = `tag:'${tag}'`;
      if (last && [...last, term].join(' OR ').length + 2 <= QUERY_MAX) last.push(term);
      else queries.push([term]);
    }
    const out: Ticket[] = [];
    for (const terms of queries)
      for (let page = 1; page <= PAGES; page++) {
        const query = encodeURIComponent(`"${terms.join(' OR ')}"`);
        const r = await fd.request({
          method: 'GET',
          path: `/api/v2/search/tickets?query=${query}&page=${page}`,
          schema: SearchSchema,
        });
        out.push(...r.results);
        if (r.results.length < 30 || (r.total ?? 0) <= page * 30) break;
      }
    return out;
  }

  /** Latest decision, who acted last and who captured it: the ticket with its conversations. */
  async function detail(t: Ticket) {
    const key = `${t.id}@${t.updated_at}`;
    const known = details.get(key);
    if (known) return known;
    const r = await fd.request({
      method: 'GET',
      path: `/api/v2/tickets/${t.id}?include=conversations`,
      schema: TicketSchema.extend({ conversations: z.array(ConversationSchema).optional() }),
    });
    const entries = await conversationEntries(fd, r.conversations ?? []);
    const decision = entries.findLast((e) => e.kind === 'decision');
    const last = entries.findLast((e) => e.by);
    const out = {
      latestDecision: decision ? { at: decision.at, by: decision.by, text: decision.text } : null,
      lastActivity: last ? { at: last.at, by: last.by!, kind: last.kind } : null,
      capturedBy: fromDescription(r.description_text).capturedBy,
    };
    details.set(key, out);
    return out;
  }

  return {
    async lookup(keys) {
      const found = new Map<number, { t: Ticket; why: Set<TeamMatch> }>();
      const kinds: [TeamMatch, string[]][] = [
        ['post', keys.posts.map((u) => keyTag('post', postKey(u)))],
        ['author', keys.authors.map((a) => keyTag('author', a.trim().toLowerCase()))],
        ['thread', keys.threads.map((u) => keyTag('thread', urlKey(u)))],
      ];
      await Promise.all(
        kinds.map(async ([why, tags]) => {
          for (const t of tags.length ? await byTags([...new Set(tags)]) : []) {
            const f = found.get(t.id) ?? { t, why: new Set<TeamMatch>() };
            found.set(t.id, { t: f.t, why: f.why.add(why) });
          }
        }),
      );
      const order = ['post', 'author', 'thread'] as const;
      const sorted = [...found.values()].sort(
        (a, b) =>
          Number(b.why.has('post')) - Number(a.why.has('post')) ||
          String(b.t.updated_at).localeCompare(String(a.t.updated_at)),
      );
      return Promise.all(
        sorted.slice(0, 50).map(async ({ t, why }, i) => {
          const team = await fd.toTeam(
            t,
            order.filter((o) => why.has(o)),
          );
          return i < DETAILED ? { ...team, ...(await detail(t)) } : team;
        }),
      );
    },

    async read(id) {
      const t = await fd.request({
        method: 'GET',
        path: `/api/v2/tickets/${encodeURIComponent(id)}`,
        schema: TicketSchema,
      });
      return { ...(await fd.toTeam(t, [])), ...(await detail(t)) };
    },

    async history(id) {
      const [t, conversations] = await Promise.all([
        fd.request({ method: 'GET', path: `/api/v2/tickets/${encodeURIComponent(id)}`, schema: TicketSchema }),
        fd.request({
          method: 'GET',
          path: `/api/v2/tickets/${encodeURIComponent(id)}/conversations?per_page=100`,
          schema: z.array(ConversationSchema),
        }),
      ]);
      const created: TeamHistoryEntry = {
        at: isoOf(t.created_at) ?? new Date(0).toISOString(),
        by: fromDescription(t.description_text).capturedBy,
        kind: 'created',
        text: 'Ticket created',
        note: null,
        from: null,
        to: null,
      };
      return [created, ...(await conversationEntries(fd, conversations))];
    },

    async roster() {
      const r = await fd.roster();
      return {
        agents: r.agents.map((a) => ({ id: String(a.id), name: a.name })),
        groups: r.groups.map((g) => ({ id: String(g.id), name: g.name })),
      };
    },

    async me() {
      const r = await fd.request({
        method: 'GET',
        path: '/api/v2/agents/me',
        schema: z.object({ id: z.number(), contact: z.object({ name: z.string().nullable().optional() }) }),
      });
      return { id: String(r.id), name: r.contact.name ?? `Freshdesk agent ${r.id}` };
    },

    mention: async () => null,
    nextPollAt: (at, baseMs) => fd.pacer.nextPollAt(at, baseMs),
  };
}

/** Private notes as history, oldest first, under the agent each line names (else the note's author). */
async function conversationEntries(
  fd: FreshdeskClient,
  conversations: z.infer<typeof ConversationSchema>[],
): Promise<TeamHistoryEntry[]> {
  const out: TeamHistoryEntry[] = [];
  for (const c of [...conversations].sort((a, b) => a.created_at.localeCompare(b.created_at)))
    out.push(...notesToHistory(c.body_text ?? '', isoOf(c.created_at)!, await fd.agentName(c.user_id)));
  return out;
}
