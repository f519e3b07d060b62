import Dexie, { type DBCore, type Table } from 'dexie';
import type { Case, StoredMention } from '../domain/case';
import { withCaseKeys, type CaseKeys } from '../domain/case-keys';
import { subjectOf } from '../domain/case-subject';
import type { OutboxEntry } from '../domain/outbox';
import type { IdentityLink } from '../domain/identity';
import type { StoredEvidence } from '../domain/evidence';

export const DB_NAME = 'complaint-capture';

/** A case as stored: its fields and the keys the queue finds it by (domain/case-keys.ts). */
export type StoredCase = Case & CaseKeys;

/**
 * The one database. The background owns writes; the popup and side panel only read it
 * (through `liveQuery`), so every write goes through one place that validates it.
 *
 * Schema versions only ever get added (never edit an old `version(n)`): see storage/README.md.
 */
export class CaptureDb extends Dexie {
  mentions!: Table<StoredMention, string>;
  cases!: Table<StoredCase, string>;
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
    // The queue: open cases by priority, resolved ones by their last change, owner, platform,
    // severity, the search words, and the overdue count by severity (domain/case-keys.ts). The
    // cases written before get the facts added since (their first mention in brief, no response,
    // dismissal or merge yet) and their keys.
    this.version(4)
      .stores({
        cases:
          'id, &idempotencyKey, createdAt, updatedAt, status, syncState, queueRank, doneAt, ownerKey, platform, severity, *words, [severity+awaiting]',
      })
      .upgrade(async (tx) => {
        const cases = tx.table<StoredCase, string>('cases');
        const mentions = tx.table<StoredMention, string>('mentions');
        const all = await cases.toArray();
        const firsts = await mentions.bulkGet(all.map((c) => c.mentionIds[0] ?? ''));
        await cases.bulkPut(
          all.map((c, i) => {
            const first = firsts[i];
            return withCaseKeys({
              ...c,
              subject: c.subject ?? (first ? subjectOf(first) : null),
              firstResponse: c.firstResponse ?? null,
              dismissal: c.dismissal ?? null,
              mergedInto: c.mergedInto ?? null,
              syncProblem: c.syncProblem ?? null,
            });
          }),
        );
      });
    // The team: a case is found by its backend id (the change feed names cases by it). Its cases
    // stores keep every index of version 4 (a version lists all of a table's indexes: one left out
    // would be dropped).
    this.version(5).stores({
      cases:
        'id, &idempotencyKey, createdAt, updatedAt, status, syncState, queueRank, doneAt, ownerKey, platform, severity, *words, [severity+awaiting], backend.id',
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
    this.use({ stack: 'dbcore', name: 'case-keys', create: caseKeysMiddleware });
  }
}

/**
 * Every write of a case carries its queue keys, whichever path wrote it (a put of a whole row, an
 * update(), a modify(), a bulkPut): computed here from the row itself, above Dexie's own
 * observability layer, so live queries on those indexes see the change.
 */
function caseKeysMiddleware(down: DBCore): DBCore {
  return {
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'cases') return table;
      return {
        ...table,
        mutate(req) {
          if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
          return table.mutate({ ...req, values: req.values.map((v: StoredCase) => withCaseKeys(v)) });
        },
      };
    },
  };
}

let shared: CaptureDb | undefined;
/** The database of this extension context, opened on first use. */
export function db(): CaptureDb {
  shared ??= new CaptureDb();
  return shared;
}
