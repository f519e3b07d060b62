import { afterAll, beforeAll, expect, it } from 'vitest';
import { CaptureDb } from '../../storage/db';
import { saveCapture } from '../../storage/save-capture';
import { httpContractAdapter } from '../../sync/adapters/http-contract';
import { drainOutbox } from '../../sync/worker';
import { sampleMention, startBackend, TOKEN, type Running } from '../server/fixtures';

// A drain of 500 queued cases reaches the reference backend with each case stored exactly once.
// The rate it prints is information only: the ≥ 200 cases/s budget is checked by `npm run bench`
// (speed targets are not asserted in tests, whose machine is shared).
let be: Running;
beforeAll(async () => {
  be = await startBackend();
});
afterAll(async () => be.close());

it('flushes 500 queued cases to the reference backend, each stored once', async () => {
  const db = new CaptureDb(`t-${crypto.randomUUID()}`);
  for (let i = 0; i < 500; i++)
    await saveCapture(db, {
      mention: sampleMention(i),
      review: { category: 'outage', severity: 'high', owner: null, note: '' },
      agent: 'bench',
      syncEnabled: true,
    });
  const adapter = httpContractAdapter(be.url, { token: TOKEN }, { fetch, timeoutMs: 10_000 });
  const t0 = performance.now();
  const r = await drainOutbox(db, adapter, { now: Date.now }, { concurrency: 6 });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`flush rate: ${r.sent} cases in ${seconds.toFixed(2)} s = ${Math.round(r.sent / seconds)} cases/s`);
  expect(r.sent).toBe(500);
  expect((await be.store.stats()).cases).toBe(500);
});
