import { useMemo } from 'preact/hooks';
import { authorKeysFromUrl } from '../../domain/page-authors';
import { composeQueue, type QueueFilter, type QueueLists } from '../../domain/queue';
import { ownerKeyOf } from '../../domain/case-keys';
import type { CaptureDb } from '../../storage/db';
import { linkedCases, type LinkReason } from '../../storage/linked-cases';
import { idsWhere, queueOrder, searchIds } from '../../storage/queue';
import { useLiveQuery } from '../use-live-query';

export interface Queue {
  /** Each view's case ids, in order, after filters and search (undefined while first read). */
  lists: QueueLists | undefined;
  /** The page's own case (the same post), pinned above the list whatever the filters (and counted where it matches them). */
  pinned: string | null;
  /** Why each case of "This page" is linked to it (same post, author, thread). */
  reasons: Map<string, LinkReason[]>;
  error: string | null;
}

/**
 * The queue for the side panel: live reads of the case database's indexes (they re-run when the
 * background writes), combined in memory. A keystroke in the search box re-reads only the search
 * index: the ordered ids and the filters' sets are kept from the last change.
 */
export function useQueue(db: CaptureDb, filter: QueueFilter, pageUrl: string | null, me: string): Queue {
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
  const search = useLiveQuery(() => searchIds(db, filter.search), [filter.search]);

  return useMemo(() => {
    const error = base.error ?? linked.error ?? search.error;
    const reasons = new Map((linked.value ?? []).map((l) => [l.case.id, l.reasons]));
    if (!base.value || search.value === undefined) return { lists: undefined, pinned: null, reasons, error };
    const { ordered, filters, mine, unassigned } = base.value;
    const page = new Set((linked.value ?? []).map((l) => l.case.id));
    const own = (linked.value ?? []).find((l) => l.reasons.includes('post'))?.case.id ?? null;
    const all = [...filters, search.value];
    // The page's own case is shown whatever the filters (closed, or another owner's): it is what
    // the agent is looking at.
    const pinned = own;
    const lists = composeQueue(ordered, all, { page, mine, unassigned, all: null });
    return { lists, pinned, reasons, error };
  }, [base.value, linked.value, search.value]);
}
