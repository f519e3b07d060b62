import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { authorKeysFromUrl } from '../../domain/page-authors';
import { composeQueue, type QueueFilter, type QueueLists, type QueueView } from '../../domain/queue';
import { ownerKeyOf } from '../../domain/case-keys';
import { searchPrefixes } from '../../domain/search-words';
import type { CaptureDb, StoredCase } from '../../storage/db';
import { linkedCases, type LinkReason } from '../../storage/linked-cases';
import { caseRows, idsWhere, queueOrder, searchPrefix } from '../../storage/queue';
import { useLiveQuery } from '../use-live-query';

export interface Queue {
  /** Each view's case ids, in order, after filters and search (undefined while first read). */
  lists: QueueLists | undefined;
  /** The page's own case (the same post), pinned above the list whatever the filters (and counted where it matches them). */
  pinned: string | null;
  /** Why each case of "This page" is linked to it (same post, author, thread). */
  reasons: Map<string, LinkReason[]>;
  /** Rows already read, by id: the list shows them at once while its live read catches up. */
  known: Map<string, StoredCase>;
  error: string | null;
}

/** Rows read ahead with a new result, so the first screen of the list shows with it. */
const AHEAD = 20;

/**
 * The queue for the side panel: live reads of the case database's indexes (they re-run when the
 * background writes), combined in memory. A keystroke in the search box reads only the search
 * index, and only for a word it has not read since the last change (typing "marloes j", then
 * "marloes ja" reads "ja" alone); the ordered ids and the filters' sets are kept, and the first
 * rows of the new result are read in the same step, so the list changes once.
 */
export function useQueue(
  db: CaptureDb,
  filter: QueueFilter,
  view: QueueView,
  pageUrl: string | null,
  me: string,
): Queue {
  const meKey = ownerKeyOf(me);
  const base = useLiveQuery(async () => {
    const status =
      filter.status === 'open' || filter.status === 'any' || filter.status === 'resolved' ? null : filter.status;
    const [ordered, byStatus, bySeverity, byPlatform, byOwner, mine, unassigned] = await Promise.all([
      queueOrder(db, filter.status),
      status ? idsWhere(db, 'status', status) : null,
      filter.severity ? idsWhere(db, 'severity', filter.severity) : null,
      filter.platform ? idsWhere(db, 'platform', filter.platform) : null,
      filter.owner !== null ? idsWhere(db, 'ownerKey', filter.owner) : null,
      meKey ? idsWhere(db, 'ownerKey', meKey) : new Set<string>(),
      idsWhere(db, 'ownerKey', ''),
    ]);
    return { ordered, filters: [byStatus, bySeverity, byPlatform, byOwner], mine, unassigned };
  }, [filter.status, filter.severity, filter.platform, filter.owner, meKey]);
  const linked = useLiveQuery(
    async () => (pageUrl ? linkedCases(db, pageUrl, authorKeysFromUrl(pageUrl)) : []),
    [pageUrl],
  );

  // Words read from the search index since the database last changed, and rows read so far.
  const prefixes = useRef(new Map<string, Set<string>>());
  const known = useRef(new Map<string, StoredCase>());
  const [result, setResult] = useState<{ lists: QueueLists; error: string | null } | undefined>();
  useEffect(() => {
    prefixes.current.clear();
    known.current.clear();
  }, [base.value]);
  useEffect(() => {
    const b = base.value;
    if (!b) return;
    let current = true;
    void (async () => {
      const words = searchPrefixes(filter.search);
      const missing = words.filter((w) => !prefixes.current.has(w));
      const read = await Promise.all(missing.map((w) => searchPrefix(db, w)));
      missing.forEach((w, i) => prefixes.current.set(w, read[i]!));
      const found = words.length ? intersect(words.map((w) => prefixes.current.get(w)!)) : null;
      const page = new Set((linked.value ?? []).map((l) => l.case.id));
      const lists = composeQueue(b.ordered, [...b.filters, found], {
        page,
        mine: b.mine,
        unassigned: b.unassigned,
        all: null,
      });
      const ahead = lists[view].slice(0, AHEAD).filter((id) => !known.current.has(id));
      if (ahead.length) for (const c of await caseRows(db, ahead)) known.current.set(c.id, c);
      if (current) setResult({ lists, error: null });
    })().catch((e: unknown) => current && setResult((r) => r && { ...r, error: String(e) }));
    return () => {
      current = false;
    };
  }, [base.value, linked.value, filter.search, view]);

  return useMemo(() => {
    const error = base.error ?? linked.error ?? result?.error ?? null;
    const reasons = new Map((linked.value ?? []).map((l) => [l.case.id, l.reasons]));
    // The page's own case is shown whatever the filters (closed, or another owner's): it is what
    // the agent is looking at.
    const pinned = (linked.value ?? []).find((l) => l.reasons.includes('post'))?.case.id ?? null;
    return { lists: result?.lists, pinned, reasons, known: known.current, error };
  }, [base.error, linked.value, linked.error, result]);
}

/** The ids in every set, smallest set first. */
function intersect(sets: Set<string>[]): Set<string> {
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...first!].filter((id) => rest.every((s) => s.has(id))));
}
