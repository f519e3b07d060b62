import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CaptureDb } from '../../storage/db';
import { CaseSchema, StoredMentionSchema } from '../../domain/case';
import { withCaseKeys } from '../../domain/case-keys';
import { subjectOf } from '../../domain/case-subject';

// Storage changes only add (STYLE.md): a database written by each older schema version must open
// with the current code with every mention and case intact. Each entry below is a FROZEN copy of a
// version's stores as storage/db.ts declares it: never edit one, add the next ("freezes exactly the versions"
// fails until a version added to db.ts is frozen here, and when a frozen one is edited there).
const HISTORY: Record<number, Record<string, string>> = {
  1: {
    mentions: 'id, urlKey, [platform+postId], authorKey, threadKey, caseId, capturedAt',
    cases: 'id, &idempotencyKey, createdAt, updatedAt, status, syncState',
    outbox: '++id, caseId, nextAttemptAt, state',
  },
  // 2 was never declared (the sync module reserved it and needed no index); 3 adds linked author identities.
  3: { identities: 'authorKey, groupId' },
  // 4: the queue's indexes (priority order, resolved by date, owner, platform, severity, search
  // words, the overdue count), and the case facts added since, filled in by its upgrade.
  4: {
    cases:
      'id, &idempotencyKey, createdAt, updatedAt, status, syncState, queueRank, doneAt, ownerKey, platform, severity, *words, [severity+awaiting]',
  },
  // 5 indexes a case's backend id (the team's change feed names cases by it), keeping version 4's.
  5: {
    cases:
      'id, &idempotencyKey, createdAt, updatedAt, status, syncState, queueRank, doneAt, ownerKey, platform, severity, *words, [severity+awaiting], backend.id',
  },
  // 6 adds evidence records (an image of each captured post with its hash), found by case, mention and time;
  // its cases store keeps every index of 4 and 5.
  6: {
    cases:
      'id, &idempotencyKey, createdAt, updatedAt, status, syncState, queueRank, doneAt, ownerKey, platform, severity, *words, [severity+awaiting], backend.id',
    evidence: 'id, caseId, mentionId, capturedAt',
  },
};

const v1Mention = {
  id: 'm1',
  caseId: 'c1',
  platform: 'x',
  kind: 'post',
  url: 'https://x.com/marloesdv/status/1',
  postId: '1',
  author: { name: 'Marloes', handle: 'marloesdv', profileUrl: 'https://x.com/marloesdv', followers: 40000 },
  text: 'Nobody calls back.',
  title: null,
  publishedAt: '2026-11-01T10:00:00.000Z',
  language: 'en',
  parentUrl: null,
  metrics: { views: 10, likes: 1, reposts: 0, replies: 2 },
  quoted: null,
  warnings: [],
  capturedAt: '2026-11-02T10:00:00.000Z',
  urlKey: 'x.com/marloesdv/status/1',
  authorKey: 'x:marloesdv',
  threadKey: 'x.com/marloesdv/status/1',
};
const v1Case = {
  id: 'c1',
  idempotencyKey: '7b0c9e2e-3c1f-4f9a-9d0e-2f6b1b2a9c11',
  status: 'open',
  owner: 'Joost',
  category: 'outage',
  severity: 'high',
  mentionIds: ['m1'],
  log: [{ id: 'l1', at: '2026-11-02T10:00:00.000Z', by: 'Sanne', kind: 'created', text: 'Captured' }],
  createdAt: '2026-11-02T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  syncState: 'queued',
  syncError: null,
  backend: null,
};
const v4Case = withCaseKeys(CaseSchema.parse({ ...v1Case, subject: subjectOf(StoredMentionSchema.parse(v1Mention)) }));
const v1Outbox = {
  caseId: 'c1',
  op: 'create',
  idempotencyKey: v1Case.idempotencyKey,
  patch: null,
  state: 'pending',
  attempts: 2,
  nextAttemptAt: 1,
  lastError: '503',
  createdAt: 1,
};

const v6Evidence = {
  id: 'e1',
  caseId: 'c1',
  mentionId: 'm1',
  capturedAt: '2026-11-02T10:00:01.000Z',
  pageUrl: 'https://x.com/marloesdv/status/1',
  width: 1,
  height: 1,
  partial: false,
  notes: [],
  json: '{}',
  sha256: '0'.repeat(64),
};

async function writeOldDatabase(name: string, version: number) {
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) if (HISTORY[v]) old.version(v).stores(HISTORY[v]!);
  await old.open();
  await old.table('mentions').add(v1Mention);
  // From version 4 on, a case row holds the facts added then, and the queue's keys.
  await old.table('cases').add(version >= 4 ? v4Case : v1Case);
  await old.table('outbox').add(v1Outbox);
  if (version >= 6)
    await old.table('evidence').add({
      ...v6Evidence,
      image: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }),
    });
  if (version >= 3)
    await old.table('identities').bulkAdd([
      { authorKey: 'x:marloesdv', groupId: 'g1' },
      { authorKey: 'blog:marloes de vries', groupId: 'g1' },
    ]);
  old.close();
}

describe('database upgrades', () => {
  for (const from of Object.keys(HISTORY).map(Number)) {
    it(`opens a version ${from} database with every mention, case and queued push intact`, async () => {
      const name = `mig-${from}-${crypto.randomUUID()}`;
      await writeOldDatabase(name, from);
      const db = new CaptureDb(name);
      await db.open();
      expect(db.verno).toBeGreaterThanOrEqual(from);
      const m = await db.mentions.get('m1');
      const c = await db.cases.get('c1');
      expect(StoredMentionSchema.parse(m)).toMatchObject({ text: 'Nobody calls back.', author: { followers: 40000 } });
      expect(CaseSchema.parse(c)).toMatchObject({ owner: 'Joost', status: 'open', mentionIds: ['m1'] });
      expect(await db.mentions.where('authorKey').equals('x:marloesdv').count()).toBe(1);
      expect(await db.outbox.where('caseId').equals('c1').count()).toBe(1);
      if (from >= 3) expect(await db.identities.where('groupId').equals('g1').count()).toBe(2);
      // The facts added in version 4, and the keys the queue finds the case by.
      expect(CaseSchema.parse(c)).toMatchObject({
        subject: { authorName: 'Marloes', handle: 'marloesdv', followers: 40000, text: 'Nobody calls back.' },
        firstResponse: null,
        dismissal: null,
        mergedInto: null,
      });
      expect(new Set(await db.cases.where('words').startsWith('marl').primaryKeys())).toEqual(new Set(['c1']));
      expect(await db.cases.where('ownerKey').equals('joost').count()).toBe(1);
      expect(await db.cases.where('platform').equals('x').count()).toBe(1);
      expect(await db.cases.orderBy('queueRank').count()).toBe(1);
      expect(await db.cases.where('[severity+awaiting]').between(['high', 0], ['high', Infinity]).count()).toBe(1);
      if (from >= 6) {
        const [e] = await db.evidence.where('caseId').equals('c1').toArray();
        expect(e).toMatchObject({ id: 'e1', mentionId: 'm1', sha256: v6Evidence.sha256 });
        expect(e!.image.size).toBe(4);
      }
      // Every version opens with the evidence table, found by case and by mention.
      expect(await db.evidence.where('mentionId').equals('m1').count()).toBe(from >= 6 ? 1 : 0);
      // A case the backend acknowledged is found by its backend id, whichever version wrote it.
      await db.cases.update('c1', { backend: { adapter: 'http', id: 'r1', url: null, syncedAt: c!.updatedAt } });
      expect((await db.cases.where('backend.id').equals('r1').first())?.id).toBe('c1');
      db.close();
    });
  }

  it('freezes exactly the versions storage/db.ts declares, each with the same stores', () => {
    expect(declaredVersions(), 'freeze each new version of CaptureDb in HISTORY; never edit one').toEqual(HISTORY);
  });

  it('never drops an index: a version naming a table again lists every index the table had', async () => {
    const had: Record<string, string[]> = {};
    for (const [v, stores] of Object.entries(declaredVersions()).sort(([a], [b]) => Number(a) - Number(b))) {
      for (const [table, spec] of Object.entries(stores)) {
        const indexes = spec.split(',').map((i) => i.trim());
        const dropped = (had[table] ?? []).filter((i) => !indexes.includes(i));
        expect(dropped, `version ${v} of ${table} leaves out indexes an earlier version declared`).toEqual([]);
        had[table] = indexes;
      }
    }
    // And the database as opened has them all.
    const db = new CaptureDb(`indexes-${crypto.randomUUID()}`);
    await db.open();
    for (const [table, indexes] of Object.entries(had)) {
      const schema = db.table(table).schema;
      const opened = [schema.primKey.src, ...schema.indexes.map((i) => i.src)];
      expect(opened.sort(), table).toEqual([...indexes].sort());
    }
    db.close();
  });
});

/** Every version the CaptureDb constructor declares, with its stores, read through Dexie's own calls. */
function declaredVersions(
  open: (name: string) => Dexie = (name) => new CaptureDb(name),
): Record<number, Record<string, string>> {
  const declared: Record<number, Record<string, string>> = {};
  const version = Dexie.prototype.version;
  Dexie.prototype.version = function (this: Dexie, n: number) {
    const v = version.call(this, n);
    const stores = v.stores.bind(v);
    v.stores = (spec: Record<string, string | null>) => {
      declared[n] = { ...declared[n], ...(spec as Record<string, string>) };
      return stores(spec);
    };
    return v;
  };
  try {
    open(`declared-${crypto.randomUUID()}`).close();
  } finally {
    Dexie.prototype.version = version;
  }
  return declared;
}

describe('the frozen-history check', () => {
  /** What db.ts would be with a new version added and not frozen. */
  const PROBE = 1000;
  class WithUnfrozenVersion extends CaptureDb {
    constructor(name: string) {
      super(name);
      this.version(PROBE).stores({ probe: 'id' });
    }
  }

  it('sees a version added without being frozen', () => {
    const declared = declaredVersions((name) => new WithUnfrozenVersion(name));
    expect(declared[PROBE]).toEqual({ probe: 'id' });
    expect(declared).not.toEqual(HISTORY);
  });
});
