import { afterEach, describe, expect, it } from 'vitest';
import { CaptureDb } from '../../storage/db';
import { claimEvidence, putPendingEvidence } from '../../storage/evidence';
import { purgeOldMentions } from '../../storage/retention';
import { saveCapture } from '../../storage/save-capture';
import { TransientError } from '../../sync/adapter';
import { httpContractAdapter } from '../../sync/adapters/http-contract';
import { queueLocalCases } from '../../sync/requeue';
import { drainOutbox, recoverInflight } from '../../sync/worker';
import { sampleEvidence } from '../evidence/fixtures';
import { sampleMention, startBackend, TOKEN, type Running } from '../server/fixtures';

const review = { category: 'outage' as const, severity: 'high' as const, owner: null, note: '' };
let be: Running | undefined;
afterEach(async () => {
  await be?.close();
  be = undefined;
});

/** A saved capture with its evidence claimed, as the capture handlers leave it. */
async function captureWithEvidence(db: CaptureDb, n: number, syncEnabled = true) {
  const saved = await saveCapture(db, { mention: sampleMention(n), review, agent: 'Sanne', syncEnabled });
  const e = await sampleEvidence({ mention: sampleMention(n), capturedAt: `2026-11-23T09:00:0${n}.000Z` });
  await putPendingEvidence(db, e.row);
  expect(await claimEvidence(db, { evidenceId: e.id, ...saved, syncEnabled })).toBe('claimed');
  return { ...saved, e };
}

const adapterFor = (b: Running) =>
  httpContractAdapter(b.url, { token: TOKEN }, { fetch: (...a) => fetch(...a), timeoutMs: 5000 });

async function backendEvidence(b: Running, caseId: string) {
  return b.store.evidenceOf(caseId);
}

describe('evidence through the outbox', () => {
  it('is sent after its case exists, with its own key, once; the case then reads as sent', async () => {
    be = await startBackend();
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const { caseId, e } = await captureWithEvidence(db, 1);
    const entries = await db.outbox.orderBy('id').toArray();
    expect(entries.map((x) => x.op)).toEqual(['create', 'evidence']);
    expect(entries[1]!.idempotencyKey).not.toBe(entries[0]!.idempotencyKey);
    const r = await drainOutbox(db, adapterFor(be), { now: Date.now });
    expect(r.sent).toBe(2);
    const remote = (await db.cases.get(caseId))!;
    expect(remote.syncState).toBe('sent');
    expect((await backendEvidence(be, remote.backend!.id)).map((x) => x.sha256)).toEqual([e.sha256]);
  });

  it('drops the upload’s answer, retries, and the backend holds exactly one copy', async () => {
    be = await startBackend({ dropEvidenceAfterStoreRate: 1 });
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const cases = [await captureWithEvidence(db, 1), await captureWithEvidence(db, 2)];
    const t = { now: Date.now() };
    for (let i = 0; i < 10 && (await db.outbox.count()); i++) {
      await drainOutbox(db, adapterFor(be), { now: () => t.now }, { random: () => 0 });
      t.now += 60_000;
    }
    expect(await db.outbox.count()).toBe(0);
    expect(be.faults.counts.droppedEvidenceAfterStore).toBe(2);
    for (const c of cases) {
      const remoteId = (await db.cases.get(c.caseId))!.backend!.id;
      expect((await backendEvidence(be, remoteId)).map((x) => x.sha256)).toEqual([c.e.sha256]);
    }
  });

  it('an upload cut off by a stopped worker is looked up again, not sent blindly', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    await captureWithEvidence(db, 1);
    const evidence = (await db.outbox.orderBy('id').toArray())[1]!;
    expect(evidence.op).toBe('evidence');
    await db.outbox.update(evidence.id!, { state: 'inflight', inflightAt: 1 });
    expect(await recoverInflight(db)).toBe(1);
    expect((await db.outbox.get(evidence.id!))!.state).toBe('unknown');
  });

  it('evidence purged with its mention before it was sent is dropped from the queue', async () => {
    be = await startBackend();
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const { caseId } = await captureWithEvidence(db, 1);
    // The case reaches the backend; its evidence does not yet (the backend is busy).
    const busy = { ...adapterFor(be), sendEvidence: async () => Promise.reject(new TransientError('busy')) };
    await drainOutbox(db, busy, { now: Date.now });
    expect((await db.outbox.toArray()).map((x) => x.op)).toEqual(['evidence']);
    expect(await purgeOldMentions(db, 1, new Date('2027-01-01T00:00:00Z'))).toBe(1);
    expect(await db.evidence.count()).toBe(0);
    await drainOutbox(db, adapterFor(be), { now: () => Date.now() + 3_600_000 });
    expect(await db.outbox.count()).toBe(0);
    expect(await backendEvidence(be, (await db.cases.get(caseId))!.backend!.id)).toEqual([]);
  });

  it('a case kept locally sends its evidence too once a backend is set up', async () => {
    be = await startBackend();
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const { caseId, e } = await captureWithEvidence(db, 1, false);
    expect(await db.outbox.count()).toBe(0);
    await queueLocalCases(db);
    await drainOutbox(db, adapterFor(be), { now: Date.now });
    const remoteId = (await db.cases.get(caseId))!.backend!.id;
    expect((await backendEvidence(be, remoteId)).map((x) => x.sha256)).toEqual([e.sha256]);
  });
});
