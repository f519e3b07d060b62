import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shift } from '../../loadtest/shift';
import { testDatabase } from './postgres';

// `npm run loadtest` at a tenth of its size, on both stores: agents capturing each post three at
// a time with a fifth of the answers failing and a kill -9 half-way, and still one case per post
// and every acknowledged write once. (The full size prints its figures; this proves the counting.)
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

const stores: [string, () => Promise<string[]>][] = [
  ['SQLite', async () => ['--data', mkdtempSync(join(tmpdir(), 'cc-loadtest-'))]],
  [
    'PostgreSQL',
    async () => {
      const db = await testDatabase();
      cleanup.push(db.drop);
      return ['--database', db.url];
    },
  ],
];

describe.each(stores)('%s: a shift of the load test', (name, storeArgs) => {
  it('ends with one case per post and every acknowledged write once', async () => {
    const r = await shift(name, await storeArgs(), { agents: 6, posts: 90, seed: 7 });
    expect({ cases: r.cases, duplicates: r.duplicates, lost: r.lost, restarts: r.restarts }).toEqual({
      cases: 90,
      duplicates: 0,
      lost: 0,
      restarts: 1,
    });
    // The faults did happen, and the writes were counted.
    expect(r.tally.lost).toBeGreaterThan(0);
    expect(r.tally.failed5xx).toBeGreaterThan(0);
    expect(r.writes).toBeGreaterThanOrEqual(270);
  }, 300_000);
});
