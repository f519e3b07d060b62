/**
 * A throwaway PostgreSQL cluster for the tests and the load test: its own data folder in a temp
 * dir, on a free loopback port, with a random password, stopped and removed at the end. It runs
 * Debian's `postgresql` binaries (/usr/lib/postgresql/<version>/bin, or PG_BIN).
 *
 * initdb and postgres refuse to run as root, and CI runs as root: then they run as the `postgres`
 * user the Debian package creates (PG_RUN_AS names another), through `runuser`.
 *
 * As a command, for .ci/run (fsync off unless --durable: for tests, which never kill PostgreSQL):
 *   pg_env="$(npx tsx scripts/pg-cluster.ts start)" && eval "$pg_env"   # TEST_DATABASE_URL, PG_CLUSTER_DIR
 *   npx tsx scripts/pg-cluster.ts stop "$PG_CLUSTER_DIR"
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Cluster {
  /** A superuser URL to the cluster's `postgres` database (tests create their own databases). */
  url: string;
  /** The temp dir holding the data folder, the log and the socket. */
  dir: string;
  stop(): Promise<void>;
}

/** The folder of initdb, pg_ctl and postgres, or null when PostgreSQL is not installed. */
export function pgBinDir(): string | null {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export const MISSING_POSTGRES =
  'PostgreSQL is not installed: `apt-get install postgresql` (Debian; binaries in /usr/lib/postgresql/<version>/bin, or set PG_BIN), or set TEST_DATABASE_URL to a server whose user may create databases.';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Runs a PostgreSQL binary as the unprivileged user when this process is root, from the
 * cluster's own folder (that user may not be allowed into the folder this was started from).
 */
function pg(bin: string, user: string | null, args: string[], cwd: string) {
  return user ? run('runuser', ['-u', user, '--', bin, ...args], { cwd }) : run(bin, args, { cwd });
}

/** Starts a cluster; `durable: false` turns fsync off (tests: only our server gets killed, never PostgreSQL). */
export async function startCluster(opts: { durable?: boolean } = {}): Promise<Cluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error(MISSING_POSTGRES);
  const user = userInfo().uid === 0 ? (process.env.PG_RUN_AS ?? 'postgres') : null;
  const dir = mkdtempSync(join(tmpdir(), 'cc-pg-'));
  const password = randomBytes(18).toString('base64url');
  writeFileSync(join(dir, 'pw'), `${password}\n`, { mode: 0o600 });
  if (user) {
    const { stdout } = await run('id', ['-u', user]).catch(() => {
      throw new Error(
        `Running as root, PostgreSQL needs an unprivileged user: "${user}" does not exist (set PG_RUN_AS).`,
      );
    });
    const { stdout: gid } = await run('id', ['-g', user]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    chownSync(join(dir, 'pw'), Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const stop = async () => {
    await pg(join(bin, 'pg_ctl'), user, ['-D', data, '-m', 'fast', '-w', 'stop'], dir).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pg(
      join(bin, 'initdb'),
      user,
      [
        '-D',
        data,
        '-U',
        'cc',
        `--pwfile=${join(dir, 'pw')}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      dir,
    );
    rmSync(join(dir, 'pw'));
    // A port can be taken between asking and binding (other worktrees run tests too): try again.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const settings = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        '-c max_connections=200',
        '-c shared_buffers=32MB',
        ...(opts.durable === false ? ['-c fsync=off', '-c full_page_writes=off'] : []),
      ].join(' ');
      try {
        await pg(
          join(bin, 'pg_ctl'),
          user,
          ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '120', '-o', settings, 'start'],
          dir,
        );
        return { url: `postgres://cc:${password}@127.0.0.1:${port}/postgres`, dir, stop };
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
  } catch (e) {
    await stop();
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Stops a cluster started by `start` in another process (its temp dir). */
export async function stopCluster(dir: string): Promise<void> {
  const bin = pgBinDir();
  const data = join(dir, 'data');
  if (bin && existsSync(data)) {
    const user = userInfo().uid === 0 ? (process.env.PG_RUN_AS ?? 'postgres') : null;
    await pg(join(bin, 'pg_ctl'), user, ['-D', data, '-m', 'fast', '-w', 'stop'], dir).catch(() => {});
  }
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1]?.endsWith('pg-cluster.ts')) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    try {
      const c = await startCluster({ durable: process.argv.includes('--durable') });
      process.stdout.write(`export TEST_DATABASE_URL='${c.url}'\nexport PG_CLUSTER_DIR='${c.dir}'\n`);
    } catch (e) {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  } else if (command === 'stop' && dir) await stopCluster(dir);
  else {
    process.stderr.write('Usage: tsx scripts/pg-cluster.ts start [--durable] | stop <dir>\n');
    process.exitCode = 2;
  }
}
