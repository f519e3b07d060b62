import type { CaseStatus, Severity } from '../domain/case';
import type { Platform } from '../domain/mention';
import { scopeOf, type StatusFilter } from '../domain/queue';
import { searchPrefixes } from '../domain/search-words';
import type { SlaHours } from '../domain/sla';
import { SEVERITIES } from '../domain/enum-values';
import type { CaptureDb, StoredCase } from './db';

/**
 * The side panel's queue reads (storage/README.md): every one through an index of the cases
 * table, never a scan, so views, filters, counts and search stay fast at 30,000 cases. They
 * return ids; the panel combines them (domain/queue.ts) and reads only the rows it shows.
 */

/** Case ids in the order the queue lists them: open ones by priority, resolved ones newest first. */
export async function queueOrder(db: CaptureDb, status: StatusFilter): Promise<string[]> {
  const scope = scopeOf(status);
  const open = scope === 'resolved' ? [] : await db.cases.orderBy('queueRank').reverse().primaryKeys();
  const done = scope === 'open' ? [] : await db.cases.orderBy('doneAt').reverse().primaryKeys();
  return [...open, ...done];
}

/** Ids of the cases with this value in an index (a status, a severity, a platform, an owner). */
export async function idsWhere(
  db: CaptureDb,
  index: 'status' | 'severity' | 'platform' | 'ownerKey',
  value: CaseStatus | Severity | Platform | string,
): Promise<Set<string>> {
  return new Set(await db.cases.where(index).equals(value).primaryKeys());
}

/** Ids of the cases with a search word starting with `prefix` (one range of the words index). */
export async function searchPrefix(db: CaptureDb, prefix: string): Promise<Set<string>> {
  return new Set(await db.cases.where('words').startsWith(prefix).primaryKeys());
}

/**
 * Ids of the cases whose author, handle, title or text has a word starting with each word typed
 * (domain/search-words.ts); null when nothing searchable was typed.
 */
export async function searchIds(db: CaptureDb, query: string): Promise<Set<string> | null> {
  const prefixes = searchPrefixes(query);
  if (!prefixes.length) return null;
  const sets = await Promise.all(prefixes.map((p) => searchPrefix(db, p)));
  sets.sort((a, b) => a.size - b.size);
  const [first, ...rest] = sets;
  return new Set([...first!].filter((id) => rest.every((s) => s.has(id))));
}

/** The owners cases have (lower-case keys, with one spelling as typed), for the owner filter. */
export async function queueOwners(db: CaptureDb): Promise<{ key: string; name: string }[]> {
  const keys = (await db.cases.orderBy('ownerKey').uniqueKeys()).map(String).filter(Boolean);
  const firsts = await Promise.all(keys.map((k) => db.cases.where('ownerKey').equals(k).first()));
  return keys.map((key, i) => ({ key, name: firsts[i]?.owner ?? key }));
}

/** The rows the panel shows, in the given order. */
export async function caseRows(db: CaptureDb, ids: string[]): Promise<StoredCase[]> {
  return (await db.cases.bulkGet(ids)).filter((c): c is StoredCase => !!c);
}

/**
 * How many cases are past their SLA without a first response: per severity, the cases whose clock
 * started (capture time, `awaiting`) more than its hours ago. Four counts on one compound index.
 */
export async function overdueCount(db: CaptureDb, sla: SlaHours, now: number): Promise<number> {
  const counts = await Promise.all(
    SEVERITIES.map((s) => {
      const hours = sla[s];
      if (hours === null) return 0;
      return db.cases
        .where('[severity+awaiting]')
        .between([s, 0], [s, now - hours * 3_600_000], true, false)
        .count();
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
