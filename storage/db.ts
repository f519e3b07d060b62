import Dexie, { type Table } from 'dexie';
import type { Case, StoredMention } from '../domain/case';
import type { OutboxEntry } from '../domain/outbox';
import type { IdentityLink } from '../domain/identity';
import type { StoredEvidence } from '../domain/evidence';

export const DB_NAME = 'complaint-capture';

/**
 * The one database. The background owns writes; the popup and side panel only read it
 * (through `liveQuery`), so every write goes through one place that validates it.
 *
 * Schema versions only ever get added (never edit an old `version(n)`): see storage/README.md.
 */
export class CaptureDb extends Dexie {
  mentions!: Table<StoredMention, string>;
  cases!: Table<Case, string>;
  outbox!: Table<OutboxEntry, number>;
  identities!: Table<IdentityLink, string>;
  evidence!: Table<StoredEvidence, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      mentions: 'id, urlKey, [platform+postId], authorKey, threadKey, caseId, capturedAt',
      cases: 'id, &idempotencyKey, createdAt, updatedAt, status, syncState',
      outbox: '++id, caseId, nextAttemptAt, state',
    });
    // Author identities linked as one person. Version 2 was never declared: the sync module
    // reserved it and then needed no index.
    this.version(3).stores({
      identities: 'authorKey, groupId',
    });
    // The team: a case is found by its backend id (the change feed names cases by it). Version 4
    // is another module's.
    this.version(5).stores({
      cases: 'id, &idempotencyKey, createdAt, updatedAt, status, syncState, backend.id',
    });
    // Evidence: an image of each captured post, with its hash (domain/evidence.ts). Found by its
    // case (side panel, export), its mention (the retention purge), and its time (records never
    // claimed by a saved capture are cleared after a day). Its cases store lists every index of
    // versions 4 (the queue's) and 5: a version that names a table with fewer indexes drops the rest.
    this.version(6).stores({
      cases:
        'id, &idempotencyKey, createdAt, updatedAt, status, syncState, queueRank, doneAt, ownerKey, platform, severity, *words, [severity+awaiting], backend.id',
      evidence: 'id, caseId, mentionId, capturedAt',
    });
  }
}

let shared: CaptureDb | undefined;
/** The database of this extension context, opened on first use. */
export function db(): CaptureDb {
  shared ??= new CaptureDb();
  return shared;
}
