import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who holds the data folder. node-sqlite3-wasm locks a database by creating the folder
 * `<file>.lock` and removes it when the database is closed; a server killed with -9 (or by a power
 * cut) leaves it behind, and every later start then failed with "database is locked". So the
 * holder also writes `<file>.owner` (pid, host, process start time), and a start that finds the
 * lock checks it: a holder that no longer runs left a stale lock, which is removed; a live one
 * keeps the folder.
 */
interface Owner {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (Linux /proc), to tell a reused pid apart. */
  started: string | null;
}

/** A data folder held by a running server (or command): the message says which. */
export class FolderHeldError extends Error {
  override name = 'FolderHeldError';
}

function startTime(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat, counted after the command name (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function running(o: Owner): boolean {
  try {
    process.kill(o.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  return o.started === null || startTime(o.pid) === null || startTime(o.pid) === o.started;
}

/** Before opening: clears a lock left by a holder that is gone; refuses when one still runs. */
export function claimFolder(file: string, log: (line: string) => void = () => {}): void {
  const lock = `${file}.lock`;
  if (!existsSync(lock)) return;
  let owner: Owner | null = null;
  try {
    owner = JSON.parse(readFileSync(`${file}.owner`, 'utf8')) as Owner;
  } catch {
    throw new FolderHeldError(
      `${lock} exists but names no holder: if no backend runs on this data folder, remove ${lock} and start again.`,
    );
  }
  if (owner.host !== hostname())
    throw new FolderHeldError(`The data folder is held by process ${owner.pid} on ${owner.host}.`);
  if (running(owner)) throw new FolderHeldError(`database is locked: another backend (pid ${owner.pid}) runs on it`);
  rmSync(lock, { recursive: true, force: true });
  log(`Removed a stale lock left by process ${owner.pid}, which stopped without closing the database.`);
}

/** After opening (the lock is ours): names this process as the holder. */
export function markOwner(file: string): void {
  const o: Owner = { pid: process.pid, host: hostname(), started: startTime(process.pid) };
  writeFileSync(`${file}.owner.tmp`, JSON.stringify(o));
  renameSync(`${file}.owner.tmp`, `${file}.owner`);
}

export function releaseOwner(file: string): void {
  rmSync(`${file}.owner`, { force: true });
}
