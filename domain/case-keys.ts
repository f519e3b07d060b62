/**
 * The keys the queue finds a case by, derived from the case itself and stored beside its fields
 * (storage/db.ts adds them on every write, so no write path can forget them). Absent keys keep a
 * case out of an index: a merged case has none of them, so it leaves the queue; only cases the
 * SLA clock runs for have `awaiting`.
 */
import type { Case } from './case';
import type { Platform } from './mention';
import { priorityRank, reachOf } from './priority';
import { handleWords, wordsOf } from './search-words';
import { awaitingResponse } from './sla';

export interface CaseKeys {
  /** Open cases (not resolved), in priority order (domain/priority.ts). */
  queueRank?: number;
  /** Resolved cases, by their last change (ISO). */
  doneAt?: string;
  /** The owner, lower-case; '' when nobody owns it. */
  ownerKey?: string;
  /** What search finds it by (domain/search-words.ts). */
  words?: string[];
  platform?: Platform;
  /** While the team has not answered: capture time (epoch ms), for the overdue count by severity. */
  awaiting?: number;
}

export const CASE_KEY_NAMES = ['queueRank', 'doneAt', 'ownerKey', 'words', 'platform', 'awaiting'] as const;

/** A case as read from an old row: the fields added later may be missing. */
type CaseRow = Omit<Case, 'subject' | 'firstResponse' | 'dismissal' | 'mergedInto'> & Partial<Case>;

export function ownerKeyOf(owner: string | null | undefined): string {
  return owner?.trim().toLowerCase() ?? '';
}

export function caseKeys(c: CaseRow): CaseKeys {
  if (c.mergedInto) return {};
  const s = c.subject ?? null;
  const keys: CaseKeys = {
    ownerKey: ownerKeyOf(c.owner),
    words: s ? [...new Set([...handleWords(s.handle), ...wordsOf(s.authorName, s.handle, s.title, s.text)])] : [],
  };
  if (s) keys.platform = s.platform;
  if (c.status === 'resolved') keys.doneAt = c.updatedAt;
  else
    keys.queueRank = priorityRank({
      severity: c.severity,
      reach: s ? reachOf(s.followers, s.metrics.views) : null,
      since: c.createdAt,
    });
  const facts = {
    ...c,
    firstResponse: c.firstResponse ?? null,
    dismissal: c.dismissal ?? null,
    mergedInto: null,
  };
  if (awaitingResponse(facts)) keys.awaiting = Date.parse(c.createdAt);
  return keys;
}

/** The row as stored: the case with its keys, any stale key of an earlier write removed first. */
export function withCaseKeys<T extends CaseRow>(row: T): T & CaseKeys {
  const c = { ...row } as Record<string, unknown>;
  for (const k of CASE_KEY_NAMES) delete c[k];
  return { ...(c as T), ...caseKeys(c as T) };
}

/** The case without the keys only this database uses (for an export or a backend). */
export function withoutCaseKeys<T extends object>(row: T): T {
  const c = { ...row } as Record<string, unknown>;
  for (const k of CASE_KEY_NAMES) delete c[k];
  return c as T;
}
