import type { ContractCase } from '../contract/cases';
import type { Change, TeamCaseWire } from '../contract/team';
import type { Mention } from '../domain/mention';
import { teamKeysOf } from '../domain/team-keys';
import { urlKey } from '../domain/url-key';
import { wireSummary, type Actor } from './case-model';
import type { AuditEntry, Member } from './store';

/**
 * What every store reads and writes the same way, whatever its SQL: the rows of a mention, of an
 * event, and how a lookup's matches are ranked. A store that gets these from here answers exactly
 * as the others do.
 */

/** The columns of a mention row: what lookups and the author/URL finds search. */
export function mentionRow(m: Mention) {
  const keys = teamKeysOf(m);
  return {
    urlKey: urlKey(m.url),
    platform: m.platform,
    handle: m.author.handle?.toLowerCase() ?? null,
    authorKey: keys.author,
    threadKey: keys.thread,
    postKey: keys.post,
  };
}

/** One audit entry before it is stored; entries with a case id are the change feed. */
export interface EventRow {
  at: string;
  actor: Actor;
  by: string;
  kind: string;
  caseId: string | null;
  detail: Record<string, unknown>;
}

/** A change to a case, for the audit and the feed: with the case's status and owner after it. */
export function caseEvent(
  c: ContractCase,
  actor: Actor,
  e: { by: string; kind: string; text: string; note?: string | null },
  at: string,
): EventRow {
  return {
    at,
    actor,
    by: e.by,
    kind: e.kind,
    caseId: c.id,
    detail: {
      text: e.text,
      status: c.status,
      owner: c.owner,
      group: c.group ?? null,
      ...(e.note ? { note: e.note } : {}),
    },
  };
}

/** A stored event as the store read it back (`detail` parsed). */
export interface StoredEvent {
  seq: string;
  at: string;
  agentId: string | null;
  by: string;
  kind: string;
  caseId: string | null;
  detail: Record<string, unknown>;
}

export function toChange(e: StoredEvent): Change {
  const d = e.detail as { text: string; status: Change['status']; owner: string | null };
  return {
    cursor: e.seq,
    caseId: e.caseId ?? '',
    at: e.at,
    by: e.by,
    kind: e.kind,
    text: d.text,
    status: d.status,
    owner: d.owner,
  };
}

export function toAuditEntry(e: StoredEvent): AuditEntry {
  return { cursor: e.seq, at: e.at, agentId: e.agentId, by: e.by, kind: e.kind, caseId: e.caseId, detail: e.detail };
}

export type Match = TeamCaseWire['matched'][number];
const MATCH_ORDER: Match[] = ['post', 'author', 'thread'];

/** Which keys matched each case id. */
export class Matches {
  readonly byCase = new Map<string, Set<Match>>();
  mark(caseIds: Iterable<string>, why: Match): void {
    for (const id of caseIds) this.byCase.set(id, (this.byCase.get(id) ?? new Set()).add(why));
  }
}

/** Cases newest update first (as the store read them), those holding the page's post first. */
export function rankLookup(cases: ContractCase[], matches: Matches): TeamCaseWire[] {
  return cases
    .map((c) =>
      wireSummary(
        c,
        MATCH_ORDER.filter((o) => matches.byCase.get(c.id)?.has(o)),
      ),
    )
    .sort((a, b) => Number(b.matched.includes('post')) - Number(a.matched.includes('post')));
}

/** Agents and groups by name, case-insensitively (the same order from every store). */
export function byName(members: Member[]): Member[] {
  return [...members].sort((a, b) => {
    const x = a.name.toLowerCase();
    const y = b.name.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

/** A Page's cursor: the last item's, else where the reader was, else the given fallback. */
export function pageCursor(items: { cursor: string }[], since: string | null, fallback: string): string {
  return items.at(-1)?.cursor ?? since ?? fallback;
}
