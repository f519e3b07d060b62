import { storage } from 'wxt/utils/storage';
import type { Problem } from '../domain/problem';

export interface SyncStatus {
  lastRunAt: number | null;
  /** Why the last run could not talk to the backend (no permission, bad URL, no credentials). */
  problem: Problem | null;
}

/**
 * How the last drain of the outbox went, kept for this browser session: the background writes it,
 * the side panel reads it to say why a queued case waits.
 */
export const syncStatusItem = storage.defineItem<SyncStatus>('session:syncStatus', {
  fallback: { lastRunAt: null, problem: null },
});
