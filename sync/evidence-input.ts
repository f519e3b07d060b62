import type { StoredEvidence } from '../domain/evidence';
import type { OutboxEntry } from '../domain/outbox';
import type { EvidenceInput } from './adapter';

/**
 * What an evidence upload sends: the stored record as it is (its bytes, JSON and hash never change
 * after capture, so every retry sends the same), under the entry's own idempotency key. It looks
 * first on any retry: a helpdesk note is not idempotent, and a failed send may have arrived.
 */
export async function evidenceInput(remoteId: string, entry: OutboxEntry, e: StoredEvidence): Promise<EvidenceInput> {
  return {
    remoteId,
    idempotencyKey: entry.idempotencyKey,
    sha256: e.sha256,
    json: e.json,
    image: new Uint8Array(await e.image.arrayBuffer()),
    capturedAt: e.capturedAt,
    pageUrl: e.pageUrl,
    partial: e.partial,
    lookFirst: entry.state === 'unknown' || entry.attempts > 0,
  };
}
