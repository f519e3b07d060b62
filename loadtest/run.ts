/**
 * `npm run loadtest`: a team's shift against the reference backend, on SQLite and on PostgreSQL
 * (README.md beside this file). Prints one line per store:
 *   sqlite: agents=20 posts=2000 cases=2000 duplicates=0 lost=0 p50=… p95=… ms rps=… …
 * and exits 1 if any store lost or doubled something.
 *
 * Flags: --store=sqlite|postgres|both (default both), --agents=20, --posts=2000, --seed=1.
 * PostgreSQL: TEST_DATABASE_URL (a server where the user may create databases), else a throwaway
 * cluster of Debian's postgresql binaries, started and stopped here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster } from '../scripts/pg-cluster';
import { line, shift } from './shift';

const arg = (name: string, def: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;
const which = arg('store', 'both');
const agents = Number(arg('agents', '20'));
const posts = Number(arg('posts', '2000'));
const seed = Number(arg('seed', '1'));
async function postgresDatabase(): Promise<{ url: string; done(): Promise<void> }> {
  const cluster = process.env.TEST_DATABASE_URL ? null : await startCluster();
  const admin = process.env.TEST_DATABASE_URL ?? cluster!.url;
  const name = `cc_loadtest_${Date.now()}`;
  const c = new pg.Client(admin);
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    done: async () => {
      if (cluster) return cluster.stop();
      const d = new pg.Client(admin);
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

let failed = false;
if (which === 'sqlite' || which === 'both') {
  const dir = mkdtempSync(join(tmpdir(), 'cc-loadtest-'));
  const r = await shift('sqlite', ['--data', dir], { agents, posts, seed });
  console.log(line('sqlite', r));
  failed ||= r.duplicates > 0 || r.lost > 0 || r.cases !== posts;
  rmSync(dir, { recursive: true, force: true });
}
if (which === 'postgres' || which === 'both') {
  const db = await postgresDatabase();
  try {
    const r = await shift('postgres', ['--database', db.url], { agents, posts, seed });
    console.log(line('postgres', r));
    failed ||= r.duplicates > 0 || r.lost > 0 || r.cases !== posts;
  } finally {
    await db.done();
  }
}
process.exitCode = failed ? 1 : 0;
