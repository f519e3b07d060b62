import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { urlKey } from '../domain/url-key';
import type { ContractCase, CreateCaseBody, PatchCaseBody } from '../contract/cases';

/**
 * Persistent storage of the reference backend: SQLite (compiled to WebAssembly, so `npm ci`
 * needs no install script or downloaded binary) in one file under the data folder.
 * Every call is synchronous, so "look up the key, then insert" can never interleave with
 * another request in this single-threaded process; the UNIQUE index on the key is the backstop.
 */
export type CreateResult = { kind: 'created' | 'replayed'; case: ContractCase } | { kind: 'mismatch' };

export class CaseStore {
  private db: sqlite.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new sqlite.Database(join(dataDir, 'cases.sqlite'));
    // WAL needs shared memory, which the wasm build lacks unless the file is held exclusively:
    // one server per data folder (a second one fails with "database is locked").
    // synchronous=NORMAL survives a crash of this process; ~0.2 ms per create instead of ~2 ms.
    this.db.get('PRAGMA locking_mode=EXCLUSIVE');
    this.db.get('PRAGMA journal_mode=WAL');
    this.db.exec('PRAGMA synchronous=NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS cases (
        id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, body_hash TEXT NOT NULL,
        json TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS mentions (
        case_id TEXT NOT NULL, url_key TEXT NOT NULL, platform TEXT NOT NULL, handle TEXT);
      CREATE INDEX IF NOT EXISTS mentions_url ON mentions(url_key);
      CREATE INDEX IF NOT EXISTS mentions_author ON mentions(platform, handle);
      CREATE TABLE IF NOT EXISTS patches (idempotency_key TEXT PRIMARY KEY, case_id TEXT NOT NULL);`);
  }

  close(): void {
    this.db.close();
  }

  /** Creates the case once per idempotency key; the same key with another body is refused. */
  create(key: string, body: CreateCaseBody, now = new Date()): CreateResult {
    return this.inTransaction(() => this.createOne(key, body, now));
  }

  /**
   * Many creates (`POST /api/cases/batch`), each exactly as create() would do it, in one
   * transaction: one commit for the batch instead of one per case, and a crash keeps all or none.
   */
  createMany(items: { key: string; body: CreateCaseBody }[], now = new Date()): CreateResult[] {
    return this.inTransaction(() => items.map((i) => this.createOne(i.key, i.body, now)));
  }

  private createOne(key: string, body: CreateCaseBody, now: Date): CreateResult {
    const hash = bodyHash(body);
    const found = this.db.get('SELECT body_hash, json FROM cases WHERE idempotency_key = ?', [key]);
    if (found)
      return found.body_hash === hash
        ? { kind: 'replayed', case: JSON.parse(String(found.json)) }
        : { kind: 'mismatch' };
    const at = now.toISOString();
    const c: ContractCase = {
      id: randomUUID(),
      status: 'new',
      owner: null,
      category: body.category,
      severity: body.severity,
      mentions: [body.mention],
      history: [
        {
          at,
          by: body.capturedBy,
          kind: 'created',
          text: `Captured from ${body.mention.platform}: ${body.mention.url}`,
        },
        ...(body.note.trim() ? [{ at, by: body.capturedBy, kind: 'note', text: body.note.trim() }] : []),
      ],
      createdAt: at,
      updatedAt: at,
      idempotencyKey: key,
    };
    this.db.run('INSERT INTO cases (id, idempotency_key, body_hash, json, created_at) VALUES (?, ?, ?, ?, ?)', [
      c.id,
      key,
      hash,
      JSON.stringify(c),
      at,
    ]);
    const handle = body.mention.author.handle?.toLowerCase() ?? null;
    this.db.run('INSERT INTO mentions (case_id, url_key, platform, handle) VALUES (?, ?, ?, ?)', [
      c.id,
      urlKey(body.mention.url),
      body.mention.platform,
      handle,
    ]);
    return { kind: 'created', case: c };
  }

  private inTransaction<T>(work: () => T): T {
    this.db.exec('BEGIN');
    try {
      const out = work();
      this.db.exec('COMMIT');
      return out;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  get(id: string): ContractCase | null {
    const row = this.db.get('SELECT json FROM cases WHERE id = ?', [id]);
    return row ? JSON.parse(String(row.json)) : null;
  }

  byKey(key: string): ContractCase[] {
    return this.db
      .all('SELECT json FROM cases WHERE idempotency_key = ?', [key])
      .map((r) => JSON.parse(String(r.json)));
  }

  byUrl(url: string): ContractCase[] {
    return this.list(
      'SELECT DISTINCT c.json FROM cases c JOIN mentions m ON m.case_id = c.id WHERE m.url_key = ? ORDER BY c.created_at',
      [urlKey(url)],
    );
  }

  byAuthor(platform: string, handle: string): ContractCase[] {
    return this.list(
      'SELECT DISTINCT c.json FROM cases c JOIN mentions m ON m.case_id = c.id WHERE m.platform = ? AND m.handle = ? ORDER BY c.created_at',
      [platform, handle.replace(/^@/, '').toLowerCase()],
    );
  }

  /** Applies a change once per idempotency key (when one is given); returns null for an unknown id. */
  patch(id: string, body: PatchCaseBody, key: string | null, now = new Date()): ContractCase | null {
    const c = this.get(id);
    if (!c) return null;
    if (key && this.db.get('SELECT 1 AS seen FROM patches WHERE idempotency_key = ?', [key])) return c;
    const at = now.toISOString();
    const by = body.by ?? 'api';
    if (body.status && body.status !== c.status) {
      c.history.push({ at, by, kind: 'status', text: `Status ${c.status} → ${body.status}` });
      c.status = body.status;
    }
    if (body.owner !== undefined && body.owner !== c.owner) {
      c.history.push({ at, by, kind: 'owner', text: body.owner ? `Owner: ${body.owner}` : 'Owner removed' });
      c.owner = body.owner;
    }
    if (body.note) c.history.push({ at, by, kind: body.noteKind ?? 'note', text: body.note });
    c.updatedAt = at;
    this.inTransaction(() => {
      this.db.run('UPDATE cases SET json = ? WHERE id = ?', [JSON.stringify(c), id]);
      if (key) this.db.run('INSERT INTO patches (idempotency_key, case_id) VALUES (?, ?)', [key, id]);
    });
    return c;
  }

  /** Counts for tests: cases, distinct mention URLs, and URLs held by more than one case. */
  stats(): { cases: number; distinctUrls: number; duplicateUrls: number } {
    const cases = Number(this.db.get('SELECT count(*) AS n FROM cases')?.n ?? 0);
    const distinctUrls = Number(this.db.get('SELECT count(DISTINCT url_key) AS n FROM mentions')?.n ?? 0);
    const duplicateUrls = Number(
      this.db.get(
        'SELECT count(*) AS n FROM (SELECT url_key FROM mentions GROUP BY url_key HAVING count(DISTINCT case_id) > 1)',
      )?.n ?? 0,
    );
    return { cases, distinctUrls, duplicateUrls };
  }

  /** Every normalised mention URL held, for tests that check nothing was lost. */
  urlKeys(): string[] {
    return this.db.all('SELECT DISTINCT url_key FROM mentions').map((r) => String(r.url_key));
  }

  private list(sql: string, values: string[]): ContractCase[] {
    return this.db.all(sql, values).map((r) => JSON.parse(String(r.json)));
  }
}

/** Hash of the body with keys sorted, so key order on the wire does not matter. */
export function bodyHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(sortKeys(body)))
    .digest('hex');
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  return v;
}
