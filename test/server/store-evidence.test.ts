import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateCaseBodySchema } from '../../contract/cases';
import type { Actor } from '../../server/case-model';
import { PgStore } from '../../server/postgres/store';
import { SqliteStore } from '../../server/sqlite/store';
import type { CaseStore } from '../../server/store';
import { sampleEvidence } from '../evidence/fixtures';
import { createBody } from './fixtures';
import { testDatabase } from './postgres';

/** Every CaseStore implementation; each must keep the same evidence rules. */
const STORES: { name: string; open: () => Promise<CaseStore> }[] = [
  { name: 'sqlite', open: async () => new SqliteStore(mkdtempSync(join(tmpdir(), 'cc-store-'))) },
  {
    name: 'PostgreSQL',
    open: async () => {
      const database = await testDatabase();
      const store = await PgStore.open(database.url);
      const close = store.close.bind(store);
      return Object.assign(store, { close: async () => (await close(), await database.drop()) });
    },
  },
];

const anna: Actor = { agentId: null, name: 'Anna', admin: true };
let open: CaseStore[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

for (const { name, open: make } of STORES) {
  describe(`evidence in the ${name} store`, () => {
    it('keeps each piece once per key and per hash, refuses a key reused for other evidence', async () => {
      const store = await make();
      open.push(store);
      const created = await store.create(crypto.randomUUID(), CreateCaseBodySchema.parse(createBody(1)), anna);
      if (created.kind === 'mismatch') throw new Error('create');
      const caseId = created.case.id;
      const e = await sampleEvidence();
      const input = { ...e, image: e.png, imageType: 'image/png' };
      const key = crypto.randomUUID();
      const first = await store.addEvidence(caseId, key, input, anna);
      expect(first.kind).toBe('created');
      expect((await store.addEvidence(caseId, key, input, anna)).kind).toBe('replayed');
      expect((await store.addEvidence(caseId, crypto.randomUUID(), input, anna)).kind).toBe('replayed');
      const other = await sampleEvidence({ capturedAt: '2026-11-23T11:00:00.000Z' });
      expect(
        (await store.addEvidence(caseId, key, { ...other, image: other.png, imageType: 'image/png' }, anna)).kind,
      ).toBe('mismatch');
      expect((await store.addEvidence('nope', crypto.randomUUID(), input, anna)).kind).toBe('no-case');
      const list = await store.evidenceOf(caseId);
      expect(list.map((x) => [x.sha256, x.imageBytes, x.by])).toEqual([[e.sha256, e.png.length, 'Anna']]);
      const file = await store.evidenceFile(caseId, list[0]!.id);
      expect([...file!.image]).toEqual([...e.png]);
      expect(file!.json).toBe(e.json);
      expect((await store.get(caseId))!.history.at(-1)).toMatchObject({ kind: 'evidence', by: 'Anna' });
    });
  });
}
