import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateCaseBodySchema } from '../../contract/cases';
import { MISSING_POSTGRES, startCluster } from '../../scripts/pg-cluster';
import { runCommand } from '../../server/cli';
import { PgStore } from '../../server/postgres/store';
import { FEED_LOCK, SCHEMA_VERSION } from '../../server/postgres/schema';
import { createBody, TOKEN } from './fixtures';
import { testDatabase } from './postgres';

// What only the PostgreSQL store has: migrations shared by instances that start together, the
// feed's order across concurrent transactions, and the team commands on a database URL.
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function database() {
  const db = await testDatabase();
  cleanup.push(db.drop);
  return db.url;
}

async function open(url: string) {
  const s = await PgStore.open(url);
  cleanup.push(() => s.close());
  return s;
}

async function client(url: string) {
  const c = new pg.Client(url);
  await c.connect();
  cleanup.push(() => c.end());
  return c;
}

const admin = { agentId: null, name: 'admin', admin: true };

describe('PostgreSQL store', () => {
  it('is migrated once when three instances start together on a fresh database', async () => {
    const url = await database();
    await Promise.all([open(url), open(url), open(url)]);
    const c = await client(url);
    const versions = (await c.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version')).rows;
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('refuses a database a newer server wrote, and says so', async () => {
    const url = await database();
    await (await open(url)).close();
    cleanup.pop();
    const c = await client(url);
    await c.query('INSERT INTO schema_version (version, at) VALUES ($1, now())', [SCHEMA_VERSION + 1]);
    await expect(PgStore.open(url)).rejects.toThrow(/schema version \d+, newer than this server's/);
  });

  it('gives out feed cursors in commit order: a change waits for an earlier writer to commit', async () => {
    const url = await database();
    const store = await open(url);
    const c = await store.create(crypto.randomUUID(), CreateCaseBodySchema.parse(createBody(1)), admin);
    if (c.kind === 'mismatch') throw new Error('unexpected mismatch');
    const before = await store.latestCursor();
    // A writer that took its feed number and has not committed yet.
    const slow = await client(url);
    await slow.query('BEGIN');
    const held = await slow.query<{ seq: string }>(
      "INSERT INTO events (at, agent_id, by, kind, case_id, detail) VALUES (now(), null, 'slow', 'note', $1, $2) RETURNING seq",
      [c.case.id, JSON.stringify({ text: 'slow', status: 'new', owner: null })],
    );
    // Another instance's change now waits for the feed's lock instead of taking a higher number
    // and committing first (a reader would move past the slow writer's lower number for good).
    const other = await open(url);
    const change = other.patch(c.case.id, { note: 'fast' }, null, admin);
    const watcher = await client(url);
    for (let i = 0; ; i++) {
      const waiting = await watcher.query(
        "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1",
        [FEED_LOCK % 2 ** 32],
      );
      if (waiting.rowCount) break;
      if (i > 600) throw new Error('the change never waited for the feed lock');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await store.latestCursor()).toBe(before);
    await slow.query('COMMIT');
    await change;
    const page = await store.changes(before, 10);
    expect(page.items.map((x) => [x.by, x.text])).toEqual([
      ['slow', 'slow'],
      ['admin', 'fast'],
    ]);
    expect(Number(page.items[1]!.cursor)).toBeGreaterThan(Number(held.rows[0]!.seq));
  });

  it('wakes another instance’s listeners when a change commits (LISTEN/NOTIFY)', async () => {
    const url = await database();
    const [a, b] = [await open(url), await open(url)];
    const heard = new Promise<void>((resolve) => b.onChange(resolve));
    await a.addGroup('Billing', admin);
    await a.create(crypto.randomUUID(), CreateCaseBodySchema.parse(createBody(2)), admin);
    await heard;
    expect((await b.stats()).cases).toBe(1);
  });

  it('runs the team commands on a database URL', async () => {
    const url = await database();
    const lines: string[] = [];
    const opts = { database: url, data: mkdtempSync(join(tmpdir(), 'cc-unused-')), token: TOKEN };
    expect(await runCommand('add-agent', 'Anna', opts, (l) => lines.push(l))).toBe(0);
    expect(lines[1]).toMatch(/^cc_/);
    expect(await runCommand('add-agent', 'ANNA', opts, (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toMatch(/exists already/);
    const listed: string[] = [];
    await runCommand('list-agents', undefined, opts, (l) => listed.push(l));
    expect(listed).toEqual(['agent  Anna']);
    const backup: string[] = [];
    expect(await runCommand('backup', undefined, opts, (l) => backup.push(l))).toBe(1);
    expect(backup).toEqual(['This store is PostgreSQL: back it up with pg_dump.']);
  });

  it('says what to install when PostgreSQL is missing, instead of skipping', async () => {
    const before = process.env.PG_BIN;
    process.env.PG_BIN = mkdtempSync(join(tmpdir(), 'cc-no-pg-'));
    try {
      await expect(startCluster()).rejects.toThrow(MISSING_POSTGRES);
    } finally {
      if (before === undefined) delete process.env.PG_BIN;
      else process.env.PG_BIN = before;
    }
  });
});
