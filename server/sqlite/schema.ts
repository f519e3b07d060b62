import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { ContractCaseSchema } from '../../contract/cases';
import { mentionsOf } from '../case-model';
import { claimFolder, markOwner, releaseOwner } from './owner';
import { insertMention } from './rows';

/** How each commit reaches the disk (`--sqlite-sync`); see openDatabase. */
export type SqliteSync = 'full' | 'normal';

/**
 * Opens `<data>/cases.sqlite` and brings it to the current schema. Versions only ever get added
 * (PRAGMA user_version counts them); a data folder written by an older server is migrated at start.
 */
export function openDatabase(
  dataDir: string,
  sync: SqliteSync = 'full',
  log?: (line: string) => void,
): { db: sqlite.Database; file: string } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'cases.sqlite');
  claimFolder(file, log);
  const db = new sqlite.Database(file);
  // WAL needs shared memory, which the wasm build lacks unless the file is held exclusively:
  // one server per data folder (a second one fails with "database is locked").
  // The wasm VFS writes every page with a plain write() (no buffer of its own) and syncs with a
  // real fsync(). So a commit has reached the kernel when it returns: a killed process loses
  // nothing with either setting. FULL also fsyncs the WAL at every commit, so an acknowledged case
  // survives a power cut too; it costs 2-6 ms per write on this machine's disk (NORMAL: 0.5-1 ms,
  // syncing only at checkpoints, where a power cut can lose the last commits but never corrupts).
  db.get('PRAGMA locking_mode=EXCLUSIVE');
  db.get('PRAGMA journal_mode=WAL');
  db.exec(`PRAGMA synchronous=${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  markOwner(file);
  const version = Number(db.get('PRAGMA user_version')?.user_version ?? 0);
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.exec('BEGIN');
    try {
      MIGRATIONS[v]!(db);
      db.exec(`PRAGMA user_version=${v + 1}`);
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      db.close();
      releaseOwner(file);
      throw e;
    }
  }
  return { db, file };
}

const MIGRATIONS: ((db: sqlite.Database) => void)[] = [
  // 1: the first server's tables (a folder it wrote already has them).
  (db) =>
    db.exec(`
      CREATE TABLE IF NOT EXISTS cases (
        id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, body_hash TEXT NOT NULL,
        json TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS mentions (
        case_id TEXT NOT NULL, url_key TEXT NOT NULL, platform TEXT NOT NULL, handle TEXT);
      CREATE INDEX IF NOT EXISTS mentions_url ON mentions(url_key);
      CREATE INDEX IF NOT EXISTS mentions_author ON mentions(platform, handle);
      CREATE TABLE IF NOT EXISTS patches (idempotency_key TEXT PRIMARY KEY, case_id TEXT NOT NULL);`),
  // 2: the team. Agents with hashed tokens, groups; every create key (a create for a post that
  // has a case is kept with that case); one case per post key; the audit and change feed.
  (db) => {
    db.exec(`
      ALTER TABLE cases ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE mentions ADD COLUMN author_key TEXT;
      ALTER TABLE mentions ADD COLUMN thread_key TEXT;
      CREATE INDEX mentions_author_key ON mentions(author_key);
      CREATE INDEX mentions_thread_key ON mentions(thread_key);
      CREATE INDEX mentions_case ON mentions(case_id);
      CREATE INDEX cases_updated ON cases(updated_at);
      CREATE TABLE create_keys (
        key TEXT PRIMARY KEY, case_id TEXT NOT NULL, body_hash TEXT NOT NULL, existing INTEGER NOT NULL);
      CREATE TABLE post_keys (key TEXT PRIMARY KEY, case_id TEXT NOT NULL);
      CREATE TABLE agents (
        id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL);
      CREATE TABLE groups (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, created_at TEXT NOT NULL);
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, agent_id TEXT, by TEXT NOT NULL,
        kind TEXT NOT NULL, case_id TEXT, detail TEXT NOT NULL);
      CREATE INDEX events_case ON events(case_id, seq);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`);
    // Cases kept by the first server: their keys, every mention's keys, and their post keys
    // (two cases it made for one post keep both; the post then finds the older).
    const rows = db.all('SELECT id, idempotency_key, body_hash, json FROM cases ORDER BY created_at');
    db.exec('DELETE FROM mentions');
    for (const r of rows) {
      const c = ContractCaseSchema.parse(JSON.parse(String(r.json)));
      db.run('UPDATE cases SET updated_at = ? WHERE id = ?', [c.updatedAt, c.id]);
      db.run('INSERT INTO create_keys (key, case_id, body_hash, existing) VALUES (?, ?, ?, 0)', [
        String(r.idempotency_key),
        c.id,
        String(r.body_hash),
      ]);
      for (const m of mentionsOf(c)) insertMention(db, c.id, m);
    }
  },
  // 3: evidence: an image of a captured post and its canonical JSON, with their SHA-256; once per
  // upload key and once per hash on a case.
  (db) =>
    db.exec(`
      CREATE TABLE evidence (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL, captured_at TEXT NOT NULL, page_url TEXT NOT NULL, image_type TEXT NOT NULL,
        image BLOB NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL, by TEXT NOT NULL,
        UNIQUE (case_id, sha256));`),
];
