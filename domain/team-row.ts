import type { QueueRow } from './queue-row';
import { priority } from './priority';
import type { TeamCaseView } from './team-view';

/**
 * A row of the queue for a colleague's case this browser does not hold: what the team's backend
 * says about it. It has no sync state here and no reach (the backend keeps neither); its age runs
 * from when it was captured.
 */
export function rowFromTeam(v: TeamCaseView, now: number): QueueRow {
  const since = v.createdAt ?? v.updatedAt;
  return {
    id: v.id,
    source: 'team',
    status: v.status,
    severity: v.severity,
    category: v.category,
    platform: null,
    author: v.author ?? null,
    handle: null,
    excerpt: v.text.replace(/\s+/g, ' ').trim().slice(0, 160),
    reach: null,
    since,
    createdAt: since,
    owner: ownerOf(v),
    syncState: null,
    priority: priority({ severity: v.severity, reach: null, since }, now),
    overdue: false,
    dueAt: null,
    answered: false,
    dismissed: false,
  };
}

/** The owner as a row shows it: the agent, else the group the case is handed to ("team Billing", as the background says it). */
export function ownerOf(v: Pick<TeamCaseView, 'owner' | 'ownerGroup'>): string | null {
  return v.owner ?? (v.ownerGroup ? `team ${v.ownerGroup}` : null);
}

/**
 * A row of this browser's case with what the team says about it: the team's status and owner,
 * unless changes made here still wait to be sent (the background's merge already chose).
 */
export function withTeam(row: QueueRow, v: TeamCaseView | undefined): QueueRow {
  if (!v || v.source === 'local') return row;
  return { ...row, status: v.status, owner: ownerOf(v) };
}
