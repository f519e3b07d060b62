import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { LookupAnswerSchema } from '../../contract/team';
import { ContractCaseSchema } from '../../contract/cases';
import { runCommand } from '../../server/cli';
import { SqliteStore } from '../../server/sqlite/store';
import { call, createBody, sampleMention, startBackend, TOKEN, type Running } from './fixtures';

// What only the embedded SQLite store has: its data folder (held by one process, older versions
// migrated), the team commands on that folder, and how it writes to disk.
let be: Running | undefined;
afterEach(async () => {
  await be?.close();
  be = undefined;
});

const create = (token: string, n: number) =>
  call(be!, 'POST', '/api/cases', {
    token,
    body: createBody(n),
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });

describe('SQLite store: team commands and older data folders', () => {
  it('add-agent prints a token that the server accepts; while it runs, adds through it with --url', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-backend-'));
    const lines: string[] = [];
    expect(await runCommand('add-agent', 'Anna', { data: dir, token: TOKEN }, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/Agent "Anna" added/);
    const token = lines[1]!;
    expect(await runCommand('add-agent', 'anna', { data: dir, token: TOKEN }, () => {})).toBe(1);
    be = await startBackend({}, dir);
    expect((await call(be, 'GET', '/api/me', { token })).body).toMatchObject({ agent: { name: 'Anna' } });
    const held: string[] = [];
    expect(await runCommand('add-agent', 'Bram', { data: dir, token: TOKEN }, (l) => held.push(l))).toBe(1);
    expect(held.join('\n')).toMatch(/--url/);
    const remote: string[] = [];
    expect(await runCommand('add-agent', 'Bram', { data: dir, url: be.url, token: TOKEN }, (l) => remote.push(l))).toBe(
      0,
    );
    expect((await call(be, 'GET', '/api/me', { token: remote[1]! })).body).toMatchObject({ agent: { name: 'Bram' } });
    expect(await runCommand('add-group', 'Billing', { data: dir, url: be.url, token: TOKEN }, () => {})).toBe(0);
    const listed: string[] = [];
    await runCommand('list-agents', undefined, { data: dir, url: be.url, token: TOKEN }, (l) => listed.push(l));
    expect(listed).toEqual(['agent  Anna', 'agent  Bram', 'group  Billing']);
  });

  it('opens a data folder written by the first server: its cases are found by post, the older one keeps the post', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-backend-'));
    const old = new sqlite.Database(join(dir, 'cases.sqlite'));
    old.exec(`CREATE TABLE cases (id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, body_hash TEXT NOT NULL,
        json TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE mentions (case_id TEXT NOT NULL, url_key TEXT NOT NULL, platform TEXT NOT NULL, handle TEXT);
      CREATE TABLE patches (idempotency_key TEXT PRIMARY KEY, case_id TEXT NOT NULL);`);
    const oldCase = (id: string, at: string) => ({
      id,
      status: 'open',
      owner: 'Joost',
      category: 'outage',
      severity: 'high',
      mentions: [sampleMention(1)],
      history: [{ at, by: 'Sanne', kind: 'created', text: 'Captured' }],
      createdAt: at,
      updatedAt: at,
      idempotencyKey: crypto.randomUUID(),
    });
    for (const [id, at] of [
      ['newer', '2026-11-02T09:00:00.000Z'],
      ['older', '2026-11-01T09:00:00.000Z'],
    ] as const)
      old.run('INSERT INTO cases VALUES (?, ?, ?, ?, ?)', [
        id,
        crypto.randomUUID(),
        'h',
        JSON.stringify(oldCase(id, at)),
        at,
      ]);
    old.close();
    const store = new SqliteStore(dir);
    await store.close();
    be = await startBackend({}, dir);
    const found = LookupAnswerSchema.parse(
      (await call(be, 'POST', '/api/lookup', { body: { posts: [sampleMention(1).url], authors: ['x:marloesdv'] } }))
        .body,
    );
    // The case holding the post comes first, then the author's others.
    expect(found.cases.map((c) => [c.id, c.matched])).toEqual([
      ['older', ['post', 'author']],
      ['newer', ['author']],
    ]);
    const joined = ContractCaseSchema.parse((await create(TOKEN, 1)).body);
    expect([joined.id, joined.existing]).toEqual(['older', true]);
  });
});

describe('SQLite store: on disk', () => {
  it('writes through WAL and syncs every commit (synchronous=FULL), or only at checkpoints when told', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-backend-'));
    const store = new SqliteStore(dir);
    const db = (store as unknown as { db: sqlite.Database }).db;
    expect(db.get('PRAGMA journal_mode')?.journal_mode).toBe('wal');
    expect(db.get('PRAGMA synchronous')?.synchronous).toBe(2);
    await store.close();
    const normal = new SqliteStore(dir, { sync: 'normal' });
    expect((normal as unknown as { db: sqlite.Database }).db.get('PRAGMA synchronous')?.synchronous).toBe(1);
    await normal.close();
  });

  it('clears the lock a killed server left, and refuses a folder a running one holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-backend-'));
    const file = join(dir, 'cases.sqlite');
    const first = new SqliteStore(dir);
    await first.addGroup('Billing', { agentId: null, name: 'admin', admin: true });
    // Held by this (running) process: a second store on the folder is refused.
    expect(() => new SqliteStore(dir)).toThrow(/database is locked: another backend \(pid \d+\)/);
    await first.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
    // What kill -9 leaves: the lock folder, and an owner that no longer runs.
    mkdirSync(`${file}.lock`);
    writeFileSync(
      `${file}.owner`,
      JSON.stringify({ pid: 2 ** 22 + 7, host: (await import('node:os')).hostname(), started: '1' }),
    );
    const lines: string[] = [];
    const again = new SqliteStore(dir, { log: (l) => lines.push(l) });
    expect(lines.join()).toMatch(/Removed a stale lock left by process 4194311/);
    expect((await again.groups()).map((g) => g.name)).toEqual(['Billing']);
    await again.close();
    // A lock with no owner named: it could be anyone's, so it is left to a person, with what to do.
    mkdirSync(`${file}.lock`);
    expect(() => new SqliteStore(dir)).toThrow(/names no holder: if no backend runs on this data folder, remove/);
  });
});

describe('SQLite store: backups', () => {
  it('makes a consistent copy while the server runs (through it), and of a stopped folder directly', async () => {
    be = await startBackend();
    await create(TOKEN, 1);
    await create(TOKEN, 2);
    const lines: string[] = [];
    const opts = { data: be.dir, token: TOKEN };
    expect(await runCommand('backup', undefined, { ...opts, url: be.url }, (l) => lines.push(l))).toBe(0);
    const file = /^Backed up to (.+)$/.exec(lines[0]!)![1]!;
    expect(file.startsWith(join(be.dir, 'backups'))).toBe(true);
    const copy = new sqlite.Database(file);
    expect(copy.get('SELECT count(*) AS n FROM cases')?.n).toBe(2);
    copy.close();
    const anna = await call(be, 'POST', '/api/agents', { body: { name: 'Anna' } });
    const refused = await call(be, 'POST', '/api/backup', { token: (anna.body as { token: string }).token });
    expect(refused.status).toBe(403);
    // While it runs, the folder is its own: the command says to ask the server.
    const held: string[] = [];
    expect(await runCommand('backup', undefined, opts, (l) => held.push(l))).toBe(1);
    expect(held[0]).toMatch(/Ask it instead: npm run backend -- backup --url/);
    await be.close();
    be = undefined;
    const direct: string[] = [];
    expect(await runCommand('backup', undefined, opts, (l) => direct.push(l))).toBe(0);
    expect(direct[0]).toMatch(/^Backed up to .*backups\/cases-.*\.sqlite$/);
  });
});
