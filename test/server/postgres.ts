import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { startCluster } from '../../scripts/pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A temp dir where the first worker that needs PostgreSQL records the cluster it started. */
    pgState: string;
  }
}

/**
 * PostgreSQL for the tests: TEST_DATABASE_URL (CI starts a throwaway cluster and exports it), or
 * else a throwaway cluster started by the first test that needs one and stopped by Vitest's
 * global teardown (postgres-setup.ts). No cluster and none can be started: the test fails with
 * what to install; it is never skipped.
 */
let cluster: Promise<string> | null = null;

export function clusterUrl(): Promise<string> {
  return (cluster ??= findOrStart());
}

async function findOrStart(): Promise<string> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const state = inject('pgState');
  const found = join(state, 'cluster.json');
  const failed = join(state, 'error.json');
  let starter = false;
  try {
    mkdirSync(join(state, 'starting'));
    starter = true;
  } catch {
    // Another worker is starting it.
  }
  if (starter) {
    try {
      const c = await startCluster({ durable: false });
      writeFileSync(found, JSON.stringify({ url: c.url, dir: c.dir }));
      return c.url;
    } catch (e) {
      writeFileSync(failed, JSON.stringify({ message: e instanceof Error ? e.message : String(e) }));
      throw e;
    }
  }
  for (let waited = 0; waited < 300_000; waited += 200) {
    if (existsSync(found)) return (JSON.parse(readFileSync(found, 'utf8')) as { url: string }).url;
    if (existsSync(failed)) throw new Error((JSON.parse(readFileSync(failed, 'utf8')) as { message: string }).message);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('Timed out waiting for another test worker to start PostgreSQL');
}

/** A fresh database on the test cluster; drop() removes it. */
export async function testDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = await clusterUrl();
  const name = `cc_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await asAdmin(admin, `CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => asAdmin(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function asAdmin(url: string, sql: string): Promise<void> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Every row of every table of the database, as text (to check what is kept, and what never is). */
export async function dumpDatabase(url: string): Promise<string> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    const tables = await c.query<{ t: string }>(
      "SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    let out = '';
    for (const { t } of tables.rows)
      out +=
        (await c.query<{ s: string | null }>(`SELECT string_agg(x::text, E'\\n') AS s FROM ${t} x`)).rows[0]?.s ?? '';
    return out;
  } finally {
    await c.end();
  }
}
