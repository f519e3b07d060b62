import { afterAll, beforeAll, expect, it } from 'vitest';
import { CaptureDb } from '../../storage/db';
import { saveCapture } from '../../storage/save-capture';
import { httpContractAdapter } from '../../sync/adapters/http-contract';
import { drainOutbox } from '../../sync/worker';
import { sampleMention, startBackend, TOKEN, type Running } from '../server/fixtures';

// Performance target (later issue): the outbox flushes at ≥ 200 cases/s to the reference backend
// on loopback. Measured here with fake-indexeddb in Node; the assertion is loose because CI's two
// cores are shared, the printed rate is the figure to watch.
let be: Running;
beforeAll(async () => {
  be = await startBackend();
});
afterAll(async () => be.close());

it('flushes 500 queued cases to the reference backend and reports the rate', async () => {
  const db = new CaptureDb(`t-${crypto.randomUUID()}`);
  for (let i = 0; i < 500; i++) await saveCapture(db, { mention: sampleMention(i), review: { category: 'outage', severity: 'high', owner: null, note: '' }, agent: 'bench', syncEnabled: true });
  const adapter = httpContractAdapter(be.url, { token: TOKEN }, { fetch, timeoutMs: 10_000 });
  const t0 = performance.now();
  const r = await drainOutbox(db, adapter, { now: Date.now }, { concurrency: 6 });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`flush rate: ${r.sent} cases in ${seconds.toFixed(2)} s = ${Math.round(r.sent / seconds)} cases/s`);
  expect(r.sent).toBe(500);
  expect(be.store.stats().cases).toBe(500);
  expect(r.sent / seconds).toBeGreaterThan(50);
});
