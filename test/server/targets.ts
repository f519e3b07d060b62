import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Faults } from '../../server/faults';
import { PgStore } from '../../server/postgres/store';
import { SqliteStore } from '../../server/sqlite/store';
import type { CaseStore } from '../../server/store';
import { newFaults, serveStore, type ServeOptions } from './fixtures';
import { dumpDatabase, testDatabase } from './postgres';
import { roundRobin } from './round-robin';

/**
 * What the contract suite (contract/) runs against: the reference backend on SQLite, on
 * PostgreSQL, and as two instances on one PostgreSQL behind a load balancer that sends each
 * request to the other one. The same tests, the same answers.
 */
export interface Backend {
  url: string;
  /** The store (of the first instance): for counts the HTTP contract does not give. */
  store: CaseStore;
  /** One fault injector shared by every instance, so a test's faults count over all requests. */
  faults: Faults;
  close(): Promise<void>;
  /** Stops every instance and starts them again on the same data. */
  restart(): Promise<Backend>;
  /** Everything the store keeps, as text (to check what it never keeps). */
  dump(): Promise<string>;
}

export interface Target {
  name: string;
  start(opts?: ServeOptions): Promise<Backend>;
}

export const sqlite: Target = {
  name: 'SQLite',
  start: (opts = {}) => startSqlite(mkdtempSync(join(tmpdir(), 'cc-backend-')), opts),
};

async function startSqlite(dir: string, opts: ServeOptions): Promise<Backend> {
  const store = new SqliteStore(dir);
  const faults = newFaults(opts.faults);
  const instance = await serveStore(store, faults, opts);
  const close = async () => {
    await instance.close();
    await store.close();
  };
  return {
    url: instance.url,
    store,
    faults,
    close,
    restart: async () => (await close(), startSqlite(dir, opts)),
    dump: async () =>
      ['cases.sqlite', 'cases.sqlite-wal']
        .map((f) => {
          try {
            return readFileSync(join(dir, f)).toString('latin1');
          } catch {
            return '';
          }
        })
        .join(''),
  };
}

export const postgres: Target = { name: 'PostgreSQL', start: (opts = {}) => startPostgres(1, opts) };
export const postgresPair: Target = {
  name: 'two instances on PostgreSQL',
  start: (opts = {}) => startPostgres(2, opts),
};

async function startPostgres(instances: number, opts: ServeOptions, db?: { url: string; drop(): Promise<void> }) {
  const database = db ?? (await testDatabase());
  const faults = newFaults(opts.faults);
  const stores: PgStore[] = [];
  const servers: { url: string; close(): Promise<void> }[] = [];
  for (let i = 0; i < instances; i++) {
    const store = await PgStore.open(database.url);
    stores.push(store);
    servers.push(await serveStore(store, faults, opts));
  }
  const front = instances > 1 ? await roundRobin(servers.map((s) => s.url)) : null;
  const stop = async () => {
    await front?.close();
    for (const s of servers) await s.close();
    for (const s of stores) await s.close();
  };
  const backend: Backend = {
    url: front?.url ?? servers[0]!.url,
    store: stores[0]!,
    faults,
    close: async () => {
      await stop();
      await database.drop().catch(() => {});
    },
    restart: async () => (await stop(), startPostgres(instances, opts, database)),
    dump: () => dumpDatabase(database.url),
  };
  return backend;
}

/** The backend of each test, closed after it. */
export function useBackend(target: Target) {
  let be: Backend | undefined;
  afterEach(async () => {
    await be?.close();
    be = undefined;
  });
  return {
    async start(opts?: ServeOptions): Promise<Backend> {
      await be?.close();
      be = await target.start(opts);
      return be;
    },
    async restart(): Promise<Backend> {
      be = await be!.restart();
      return be;
    },
  };
}
