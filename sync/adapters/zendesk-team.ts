import { z } from 'zod';
import type { TeamCase, TeamHistoryEntry, TeamMatch } from '../../domain/team';
import { keyTag, postKey } from '../../domain/team-keys';
import { urlKey } from '../../domain/url-key';
import type { TeamReader } from '../adapter';
import { notesToHistory, isoOf } from './helpdesk-text';
import { STATUS_IN, TicketSchema, UserSchema, type Ticket, type ZendeskClient } from './zendesk-client';

const Tickets = z.object({ tickets: z.array(TicketSchema) });
const CommentSchema = z.object({
  id: z.number(),
  author_id: z.number().nullable().optional(),
  body: z.string().nullable().optional(),
  created_at: z.string(),
});
const EventSchema = z.object({
  type: z.string(),
  body: z.string().nullable().optional(),
  field_name: z.string().nullable().optional(),
  value: z.unknown().optional(),
  previous_value: z.unknown().optional(),
});
const AuditSchema = z.object({
  author_id: z.number().nullable().optional(),
  created_at: z.string(),
  events: z.array(EventSchema),
});
/** Tickets whose decision and last activity a lookup reads (one request each, remembered per update). */
const DETAILED = 5;
/** How long a user id found by external id is trusted. */
const USER_TTL_MS = 10 * 60_000;

/**
 * Zendesk's team reads. A post is found by the ticket's external id (the post key's tag) and an
 * author by the tickets their end user requested: both list endpoints, current the moment a
 * ticket is made. A thread needs the Search API (`tags:cct_…`), whose index lags by minutes.
 */
export function zendeskTeam(zd: ZendeskClient): TeamReader {
  const users = new Map<string, { id: number | null; at: number }>();
  const details = new Map<string, Pick<TeamCase, 'latestDecision' | 'lastActivity'>>();
  const now = () => zd.http.now?.() ?? Date.now();

  async function authorUserIds(keys: string[]): Promise<number[]> {
    const stale = keys.filter((k) => (users.get(k)?.at ?? -Infinity) < now() - USER_TTL_MS);
    const Users = z.object({ users: z.array(UserSchema) });
    const found: z.infer<typeof UserSchema>[] = [];
    // show_many takes a comma-separated list: a key holding a comma is asked on its own.
    const plain = stale.filter((k) => !k.includes(','));
    for (let i = 0; i < plain.length; i += 100) {
      const ids = plain
        .slice(i, i + 100)
        .map(encodeURIComponent)
        .join(',');
      found.push(
        ...(await zd.request({ method: 'GET', path: `/api/v2/users/show_many?external_ids=${ids}`, schema: Users }))
          .users,
      );
    }
    for (const k of stale.filter((x) => x.includes(',')))
      found.push(
        ...(
          await zd.request({
            method: 'GET',
            path: `/api/v2/users/search?external_id=${encodeURIComponent(k)}`,
            schema: Users,
          })
        ).users,
      );
    zd.remember(found);
    for (const k of stale)
      users.set(k, { id: found.find((u) => u.external_id?.toLowerCase() === k)?.id ?? null, at: now() });
    return keys.flatMap((k) => (users.get(k)?.id != null ? [users.get(k)!.id!] : []));
  }

  /** The latest decision and who acted last, from the ticket's newest comments. */
  async function detail(t: Ticket): Promise<Pick<TeamCase, 'latestDecision' | 'lastActivity'>> {
    const key = `${t.id}@${t.updated_at}`;
    const known = details.get(key);
    if (known) return known;
    const r = await zd.request({
      method: 'GET',
      path: `/api/v2/tickets/${t.id}/comments?sort_order=desc&per_page=30`,
      schema: z.object({ comments: z.array(CommentSchema) }),
    });
    const names = await zd.userNames(r.comments.map((c) => c.author_id));
    const entries = r.comments.flatMap((c) =>
      notesToHistory(c.body ?? '', isoOf(c.created_at)!, c.author_id != null ? (names.get(c.author_id) ?? null) : null),
    );
    const decision = entries.find((e) => e.kind === 'decision');
    const last = entries.find((e) => e.by);
    const out = {
      latestDecision: decision ? { at: decision.at, by: decision.by, text: decision.text } : null,
      lastActivity: last ? { at: last.at, by: last.by!, kind: last.kind } : null,
    };
    details.set(key, out);
    return out;
  }

  async function withDetail(t: Ticket, matched: TeamMatch[], detailed: boolean): Promise<TeamCase> {
    const team = await zd.toTeam(t, matched);
    return detailed ? { ...team, ...(await detail(t)) } : team;
  }

  return {
    async lookup(keys) {
      const found = new Map<number, { t: Ticket; why: Set<TeamMatch> }>();
      const add = (ts: Ticket[], why: TeamMatch) => {
        for (const t of ts) {
          const f = found.get(t.id) ?? { t, why: new Set<TeamMatch>() };
          found.set(t.id, { t: f.t, why: f.why.add(why) });
        }
      };
      const unique = (xs: string[]) => [...new Set(xs)];
      const posts = unique(keys.posts.map((u) => keyTag('post', postKey(u))));
      const threads = unique(keys.threads.map((u) => keyTag('thread', urlKey(u))));
      const authors = unique(keys.authors.map((a) => a.trim().toLowerCase()));
      await Promise.all([
        ...posts.map(async (tag) =>
          add(
            (await zd.request({ method: 'GET', path: `/api/v2/tickets?external_id=${tag}`, schema: Tickets })).tickets,
            'post',
          ),
        ),
        ...threads.map(async (tag) => {
          const r = await zd.request({
            method: 'GET',
            path: `/api/v2/search?query=${encodeURIComponent(`type:ticket tags:${tag}`)}`,
            schema: z.object({ results: z.array(TicketSchema) }),
          });
          add(r.results, 'thread');
        }),
        (async () => {
          for (const id of authors.length ? await authorUserIds(authors) : [])
            add(
              (
                await zd.request({
                  method: 'GET',
                  path: `/api/v2/users/${id}/tickets/requested?sort_by=updated_at&sort_order=desc&per_page=25`,
                  schema: Tickets,
                })
              ).tickets,
              'author',
            );
        })(),
      ]);
      const order = ['post', 'author', 'thread'] as const;
      const sorted = [...found.values()].sort(
        (a, b) =>
          Number(b.why.has('post')) - Number(a.why.has('post')) ||
          String(b.t.updated_at).localeCompare(String(a.t.updated_at)),
      );
      await zd.userNames(sorted.flatMap(({ t }) => [t.assignee_id, t.submitter_id]));
      return Promise.all(
        sorted.slice(0, 50).map(({ t, why }, i) =>
          withDetail(
            t,
            order.filter((o) => why.has(o)),
            i < DETAILED,
          ),
        ),
      );
    },

    async read(id) {
      const r = await zd.request({
        method: 'GET',
        path: `/api/v2/tickets/${encodeURIComponent(id)}`,
        schema: z.object({ ticket: TicketSchema }),
      });
      return withDetail(r.ticket, [], true);
    },

    async history(id) {
      const r = await zd.request({
        method: 'GET',
        path: `/api/v2/tickets/${encodeURIComponent(id)}/audits`,
        schema: z.object({ audits: z.array(AuditSchema) }),
      });
      const ids = r.audits.flatMap((a) => [
        a.author_id,
        ...a.events
          .filter((e) => e.field_name === 'assignee_id')
          .flatMap((e) => [Number(e.value) || null, Number(e.previous_value) || null]),
      ]);
      const names = await zd.userNames(ids);
      const name = (v: unknown) => (Number(v) ? (names.get(Number(v)) ?? null) : null);
      const out: TeamHistoryEntry[] = [];
      for (const a of r.audits) out.push(...(await auditEntries(zd, a, name)));
      return out;
    },

    async roster() {
      const [groups, members] = await Promise.all([
        zd.request({
          method: 'GET',
          path: '/api/v2/groups/assignable',
          schema: z.object({ groups: z.array(z.object({ id: z.number(), name: z.string() })) }),
        }),
        zd.request({
          method: 'GET',
          path: '/api/v2/group_memberships/assignable?include=users',
          schema: z.object({ users: z.array(UserSchema).optional() }),
        }),
      ]);
      zd.remember(members.users);
      const agents = new Map((members.users ?? []).map((u) => [u.id, u.name ?? `Zendesk user ${u.id}`]));
      return {
        agents: [...agents]
          .map(([id, name]) => ({ id: String(id), name }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        groups: groups.groups.map((g) => ({ id: String(g.id), name: g.name })),
      };
    },

    async me() {
      const r = await zd.request({
        method: 'GET',
        path: '/api/v2/users/me',
        schema: z.object({ user: UserSchema.extend({ id: z.number().nullable() }) }),
      });
      return r.user.id == null ? null : { id: String(r.user.id), name: r.user.name ?? `Zendesk user ${r.user.id}` };
    },

    mention: async () => null,
    nextPollAt: (at, baseMs) => zd.pacer.nextPollAt(at, baseMs),
  };
}

/** One audit (one update of the ticket) as history: its comments' lines and its field changes. */
async function auditEntries(
  zd: ZendeskClient,
  a: z.infer<typeof AuditSchema>,
  name: (v: unknown) => string | null,
): Promise<TeamHistoryEntry[]> {
  const at = isoOf(a.created_at)!;
  const by = name(a.author_id);
  const base = { at, note: null, from: null, to: null };
  if (a.events.some((e) => e.type === 'Create')) return [{ ...base, by, kind: 'created', text: 'Ticket created' }];
  const out: TeamHistoryEntry[] = [];
  const assignee = a.events.find((e) => e.type === 'Change' && e.field_name === 'assignee_id');
  const group = a.events.find((e) => e.type === 'Change' && e.field_name === 'group_id');
  if (assignee || group) {
    // An agent when there is one, else the group ("team Billing"): as the team reads an owner.
    const side = async (which: 'value' | 'previous_value') => {
      const agent = assignee ? name(assignee[which]) : null;
      if (agent || (assignee && !group)) return agent;
      const g = group ? await zd.groupName(Number(group[which]) || null) : null;
      return g ? `team ${g}` : null;
    };
    const f = await side('previous_value');
    const t = await side('value');
    out.push({ ...base, by, kind: 'owner', text: `${f ?? 'nobody'} → ${t ?? 'nobody'}`, from: f, to: t });
  }
  for (const e of a.events) {
    if (e.type === 'Change' && e.field_name === 'status')
      out.push({
        ...base,
        by,
        kind: 'status',
        text: `Status ${STATUS_IN[String(e.previous_value)] ?? e.previous_value} → ${STATUS_IN[String(e.value)] ?? e.value}`,
      });
    if (e.type !== 'Comment' || !e.body) continue;
    for (const line of notesToHistory(e.body, at, by)) {
      // "Handed to … by …: note" rides with the assignment change of the same update.
      const change = line.kind === 'owner' && line.note ? out.find((o) => o.kind === 'owner' && !o.note) : undefined;
      if (change) Object.assign(change, { note: line.note, by: line.by, text: `${change.text}: ${line.note}` });
      else out.push(line);
    }
  }
  return out;
}
