/**
 * Where a case stands with the backend, in detail: why it waits and when the next try is, or why
 * the backend refused it. Pure (from the case, its outbox entries and the drain's own problem), so
 * the side panel computes it from its live reads and the background answers the popup with it.
 */
import type { Case, SyncState } from './case';
import type { OutboxEntry } from './outbox';
import type { Problem } from './problem';

export interface SyncDetail {
  state: SyncState;
  /** Why it waits or stopped (the backend's refusal, the last failed try, or a settings problem). */
  problem: Problem | null;
  /** When the next try is due (epoch ms), while it waits. */
  nextTryAt: number | null;
}

export function syncDetail(
  c: Pick<Case, 'syncState' | 'syncProblem'>,
  entries: readonly Pick<OutboxEntry, 'id' | 'state' | 'nextAttemptAt' | 'lastProblem'>[],
  /** Why the drain cannot reach the backend at all (no credentials, no permission), if so. */
  drainProblem: Problem | null,
): SyncDetail {
  if (c.syncState === 'local' || c.syncState === 'sent') return { state: c.syncState, problem: null, nextTryAt: null };
  if (c.syncState === 'failed') {
    const failed = entries.find((e) => e.state === 'failed');
    return { state: 'failed', problem: c.syncProblem ?? failed?.lastProblem ?? null, nextTryAt: null };
  }
  // A case's pushes go in order: the first one waiting is the one that holds the rest.
  const head = [...entries].sort((a, b) => (a.id ?? 0) - (b.id ?? 0)).find((e) => e.state !== 'failed');
  return {
    state: 'queued',
    problem: drainProblem ?? head?.lastProblem ?? null,
    nextTryAt: head && (head.state === 'pending' || head.state === 'unknown') ? head.nextAttemptAt : null,
  };
}
