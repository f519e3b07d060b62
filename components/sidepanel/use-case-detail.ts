import { useEffect, useState } from 'preact/hooks';
import type { StoredMention } from '../../domain/case';
import type { OutboxEntry } from '../../domain/outbox';
import type { Problem } from '../../domain/problem';
import type { CaptureDb } from '../../storage/db';
import { identityGroups } from '../../storage/identities';
import { syncStatusItem } from '../../storage/sync-status';
import { useLiveQuery } from '../use-live-query';

export interface CaseDetailData {
  mentions: StoredMention[];
  outbox: OutboxEntry[];
  /** For each author identity of the case, the identities linked to it as the same person. */
  identities: Record<string, string[]>;
}

/** What the open case's detail reads beyond its row, live: its mentions, its waiting pushes, identities. */
export function useCaseDetail(db: CaptureDb, caseId: string, mentionIds: string[]): CaseDetailData | undefined {
  return useLiveQuery(async () => {
    const [mentions, outbox] = await Promise.all([
      db.mentions.bulkGet(mentionIds),
      db.outbox.where('caseId').equals(caseId).toArray(),
    ]);
    const found = mentions.filter((m): m is StoredMention => !!m);
    const keys = [...new Set(found.map((m) => m.authorKey).filter((k): k is string => !!k))];
    return { mentions: found, outbox, identities: await identityGroups(db, keys) };
  }, [caseId, mentionIds.join('\n')]).value;
}

/** Why the outbox cannot reach the backend at all right now (no credentials, no permission), live. */
export function useDrainProblem(): Problem | null {
  const [p, setP] = useState<Problem | null>(null);
  useEffect(() => {
    void syncStatusItem.getValue().then((s) => setP(s.problem));
    return syncStatusItem.watch((s) => setP(s?.problem ?? null));
  }, []);
  return p;
}
