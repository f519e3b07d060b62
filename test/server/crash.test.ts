import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractCaseSchema } from '../../contract/cases';
import { alive, spawnBackend, type BackendProcess } from '../../loadtest/server';
import { createBody } from './fixtures';
import { testDatabase } from './postgres';

// kill -9 in the middle of a burst of writes: every case and change the server acknowledged is
// there when it starts again, on either store. (What was not acknowledged may or may not be:
// the client retries it with the same key.)
const TOKEN = 'crash-test';
const cleanup: (() => Promise<unknown>)[] = [];
let running: BackendProcess | undefined;
afterEach(async () => {
  if (running && alive(running.pid)) process.kill(running.pid, 'SIGKILL');
  running = undefined;
  for (const f of cleanup.splice(0)) await f();
});

const stores: [string, () => Promise<string[]>][] = [
  ['SQLite', async () => ['--data', mkdtempSync(join(tmpdir(), 'cc-backend-'))]],
  [
    'PostgreSQL',
    async () => {
      const db = await testDatabase();
      cleanup.push(db.drop);
      return ['--database', db.url];
    },
  ],
];

async function start(storeArgs: string[]) {
  running = await spawnBackend({ args: ['--port', '0', '--token', TOKEN, '--rate-limit', '0', ...storeArgs] });
  return running;
}

const send = (url: string, method: string, path: string, key: string, body: unknown) =>
  fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe.each(stores)('%s: kill -9 during a burst of writes', (_name, storeArgs) => {
  it('loses no acknowledged case or change', async () => {
    const args = await storeArgs();
    const be = await start(args);
    const acked = new Map<string, { caseId: string; notes: string[] }>();
    let failed = 0;
    let n = 0;
    let killed = false;
    // Eight writers, each: create a case, then add two notes to it, until the server is gone.
    const writer = async () => {
      while (!killed || failed === 0) {
        const i = n++;
        const key = crypto.randomUUID();
        try {
          const r = await send(be.url, 'POST', '/api/cases', key, createBody(1000 + i, {}, `capture ${i}`));
          if (r.status !== 201) throw new Error(`create answered ${r.status}`);
          const c = ContractCaseSchema.parse(await r.json());
          const entry = { caseId: c.id, notes: [] as string[] };
          acked.set(key, entry);
          for (const note of [`first note ${i}`, `second note ${i}`]) {
            const p = await send(be.url, 'PATCH', `/api/cases/${c.id}`, crypto.randomUUID(), { note });
            if (p.status !== 200) throw new Error(`change answered ${p.status}`);
            entry.notes.push(note);
          }
        } catch {
          failed++;
          if (killed) return;
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acked.size < 60) await new Promise((r) => setTimeout(r, 10));
    process.kill(be.pid, 'SIGKILL');
    killed = true;
    await Promise.all(writers);
    await be.exited;
    expect(failed).toBeGreaterThan(0);

    const again = await start(args);
    for (const [key, { caseId, notes }] of acked) {
      const found = await fetch(`${again.url}/api/cases?idempotencyKey=${key}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      const cases = ((await found.json()) as { cases: { id: string; history: { text: string }[] }[] }).cases;
      expect(cases.map((c) => c.id)).toEqual([caseId]);
      const texts = cases[0]!.history.map((h) => h.text);
      for (const note of notes) expect(texts).toContain(note);
    }
  }, 180_000);
});
