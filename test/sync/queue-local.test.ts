import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureDb } from '../../storage/db';
import { saveCapture } from '../../storage/save-capture';
import { addLogEntry, updateCase } from '../../storage/update-case';
import { httpContractAdapter } from '../../sync/adapters/http-contract';
import { queueLocalCases } from '../../sync/requeue';
import { drainOutbox } from '../../sync/worker';
import { sampleMention, startBackend, TOKEN, type Running } from '../server/fixtures';

let be: Running;
beforeAll(async () => {
  be = await startBackend();
});
afterAll(async () => be.close());

// Cases kept locally before a backend was configured reach it once one is, with their history.
describe('queueLocalCases', () => {
  it('pushes local cases once, with the status, owner and decisions they gained while local', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const review = { category: 'billing' as const, severity: 'high' as const, owner: null, note: 'First call' };
    const a = await saveCapture(db, {
      mention: sampleMention(1),
      review,
      agent: 'Sanne',
      syncEnabled: false,
      now: new Date('2026-11-20T10:00:00Z'),
    });
    await saveCapture(db, { mention: sampleMention(2), review, agent: 'Sanne', syncEnabled: false });
    await updateCase(db, { caseId: a.caseId, status: 'open', owner: 'Joost', agent: 'Sanne', syncEnabled: false });
    await addLogEntry(db, {
      caseId: a.caseId,
      kind: 'decision',
      text: 'Credit one month',
      agent: 'Joost',
      syncEnabled: false,
    });
    expect(await db.outbox.count()).toBe(0);

    expect(await queueLocalCases(db)).toBe(2);
    expect(await queueLocalCases(db)).toBe(0);
    expect((await db.cases.toArray()).map((c) => c.syncState)).toEqual(['queued', 'queued']);

    const adapter = httpContractAdapter(be.url, { token: TOKEN }, { fetch, timeoutMs: 10_000 });
    await drainOutbox(db, adapter, { now: Date.now }, { concurrency: 4 });
    expect((await be.store.stats()).cases).toBe(2);
    const c = await db.cases.get(a.caseId);
    expect(c?.syncState).toBe('sent');
    const remote = await adapter.read(c!.backend!.id);
    expect(remote.status).toBe('open');
    expect(remote.owner).toBe('Joost');
    expect((await be.store.get(c!.backend!.id))?.history.map((h) => h.text)).toEqual(
      expect.arrayContaining(['Credit one month', 'First call']),
    );
    expect(await db.outbox.count()).toBe(0);
  });
});
