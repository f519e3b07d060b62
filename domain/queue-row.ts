/**
 * One row of the side panel's queue, whatever holds the case: this browser's own case today, a
 * case the team's backend holds later. The row shows only these fields, so another source needs
 * only its own small adapter beside `rowFromCase`.
 */
import type { Case, CaseStatus, Category, Severity, SyncState } from './case';
import type { Platform } from './mention';
import { priority, reachOf } from './priority';
import { isOverdue, responseDueAt, type SlaHours } from './sla';

export interface QueueRow {
  id: string;
  /** Where the case lives: this browser (a team case comes later). */
  source: 'local';
  status: CaseStatus;
  severity: Severity;
  category: Category;
  platform: Platform | null;
  author: string | null;
  handle: string | null;
  /** The start of what they said. */
  excerpt: string;
  /** Followers or views, whichever is larger (null: not shown on the page). */
  reach: number | null;
  /** When the customer posted (else when it was captured): the age shown. */
  since: string;
  createdAt: string;
  owner: string | null;
  /** Null where this browser holds no copy (a team case). */
  syncState: SyncState | null;
  priority: number;
  overdue: boolean;
  /** When the first response is due (epoch ms), while it is awaited. */
  dueAt: number | null;
  answered: boolean;
  dismissed: boolean;
}

const EXCERPT_CHARS = 160;

/** A row of this browser's case (with its first mention in brief, `Case.subject`). */
export function rowFromCase(c: Case, sla: SlaHours, now: number): QueueRow {
  const s = c.subject;
  const since = s?.publishedAt ?? c.createdAt;
  const reach = s ? reachOf(s.followers, s.metrics.views) : null;
  return {
    id: c.id,
    source: 'local',
    status: c.status,
    severity: c.severity,
    category: c.category,
    platform: s?.platform ?? null,
    author: s?.authorName ?? null,
    handle: s?.handle ?? null,
    excerpt: (s?.text ?? '').replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS),
    reach,
    since,
    createdAt: c.createdAt,
    owner: c.owner,
    syncState: c.syncState,
    priority: priority({ severity: c.severity, reach, since: c.createdAt }, now),
    overdue: isOverdue(c, sla, now),
    dueAt: responseDueAt(c, sla),
    answered: !!c.firstResponse,
    dismissed: !!c.dismissal,
  };
}
