import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type sqlite from 'node-sqlite3-wasm';
import type { ContractCase, CreateCaseBody, PatchCaseBody } from '../../contract/cases';
import type { Change, LookupBody, TeamCaseWire } from '../../contract/team';
import { postKey } from '../../domain/team-keys';
import { urlKey } from '../../domain/url-key';
import type { ContractEvidence } from '../../contract/evidence';
import { actorName, applyPatch, capturedAgain, evidenceKept, newCase, type Actor } from '../case-model';
import {
  bodyHash,
  NameTakenError,
  type AuditEntry,
  type CaseStore,
  type CreateResult,
  type EvidenceFile,
  type EvidenceIn,
  type EvidenceResult,
  type Member,
  type Page,
} from '../store';
import {
  byName,
  caseEvent,
  Matches,
  pageCursor,
  rankLookup,
  toAuditEntry,
  toChange,
  type EventRow,
} from '../store-rows';
import { releaseOwner } from './owner';
import { insertMention, readCase, readEvent, recordEvent, writeCase } from './rows';
import { openDatabase, type SqliteSync } from './schema';

/**
 * The embedded store: SQLite compiled to WebAssembly (node-sqlite3-wasm: `npm ci` needs no
 * install script or downloaded binary), one file under the data folder, held by one process.
 * Every call is synchronous inside, so "look up, then insert" never interleaves with another
 * request in this single-threaded process; the UNIQUE keys (idempotency key, post key) are the
 * rule itself, as they are in the PostgreSQL store.
 */
export class SqliteStore implements CaseStore {
  private readonly db: sqlite.Database;
  private readonly file: string;
  private readonly listeners = new Set<() => void>();
  private cachedSecret: string | null = null;
  /** Set by a write to the feed inside a transaction: listeners hear of it after the commit. */
  private changed = false;
  readonly where: string;

  constructor(
    private readonly dataDir: string,
    opts: { sync?: SqliteSync; log?: (line: string) => void } = {},
  ) {
    ({ db: this.db, file: this.file } = openDatabase(dataDir, opts.sync, opts.log));
    this.where = `SQLite in ${dataDir}`;
  }

  async close(): Promise<void> {
    this.db.close();
    releaseOwner(this.file);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async create(key: string, body: CreateCaseBody, actor: Actor): Promise<CreateResult> {
    return this.inTransaction(() => this.createOne(key, body, actor, new Date().toISOString()));
  }

  async createMany(items: { key: string; body: CreateCaseBody }[], actor: Actor): Promise<CreateResult[]> {
    const at = new Date().toISOString();
    return this.inTransaction(() => items.map((i) => this.createOne(i.key, i.body, actor, at)));
  }

  private createOne(key: string, body: CreateCaseBody, actor: Actor, at: string): CreateResult {
    const hash = bodyHash(body);
    const seen = this.db.get('SELECT case_id, body_hash, existing FROM create_keys WHERE key = ?', [key]);
    if (seen) {
      if (seen.body_hash !== hash) return { kind: 'mismatch' };
      const c = this.getSync(String(seen.case_id));
      if (c) return { kind: 'replayed', case: c, existing: Number(seen.existing) === 1 };
    }
    const by = actorName(actor, body.capturedBy);
    const holder = this.db.get('SELECT case_id FROM post_keys WHERE key = ?', [postKey(body.mention.url)]);
    const existing = holder ? this.getSync(String(holder.case_id)) : null;
    if (existing) {
      const entries = capturedAgain(existing, body, by, at);
      writeCase(this.db, existing);
      this.db.run('INSERT INTO create_keys (key, case_id, body_hash, existing) VALUES (?, ?, ?, 1)', [
        key,
        existing.id,
        hash,
      ]);
      for (const e of entries) this.record(caseEvent(existing, actor, e, at));
      return { kind: 'replayed', case: existing, existing: true };
    }
    const c = newCase(key, body, by, at);
    this.db.run(
      'INSERT INTO cases (id, idempotency_key, body_hash, json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      [c.id, key, hash, JSON.stringify(c), at, at],
    );
    this.db.run('INSERT INTO create_keys (key, case_id, body_hash, existing) VALUES (?, ?, ?, 0)', [key, c.id, hash]);
    insertMention(this.db, c.id, body.mention);
    for (const e of c.history) this.record(caseEvent(c, actor, e, at));
    return { kind: 'created', case: c, existing: false };
  }

  async get(id: string): Promise<ContractCase | null> {
    return this.getSync(id);
  }

  private getSync(id: string): ContractCase | null {
    return readCase(this.db.get('SELECT json FROM cases WHERE id = ?', [id]));
  }

  async byKey(key: string): Promise<ContractCase[]> {
    const row = this.db.get('SELECT case_id FROM create_keys WHERE key = ?', [key]);
    const c = row ? this.getSync(String(row.case_id)) : null;
    return c ? [c] : [];
  }

  async byUrl(url: string): Promise<ContractCase[]> {
    return this.list(
      'SELECT DISTINCT c.json, c.created_at FROM cases c JOIN mentions m ON m.case_id = c.id WHERE m.url_key = ? ORDER BY c.created_at',
      [urlKey(url)],
    );
  }

  async byAuthor(platform: string, handle: string): Promise<ContractCase[]> {
    return this.list(
      'SELECT DISTINCT c.json, c.created_at FROM cases c JOIN mentions m ON m.case_id = c.id WHERE m.platform = ? AND m.handle = ? ORDER BY c.created_at',
      [platform, handle.replace(/^@/, '').toLowerCase()],
    );
  }

  async lookup(keys: LookupBody): Promise<TeamCaseWire[]> {
    const matches = new Matches();
    const ask = (sql: string, values: string[]) =>
      values.length ? this.db.all(sql.replace('(?)', `(${values.map(() => '?').join(',')})`), values) : [];
    const unique = (xs: string[]) => [...new Set(xs)];
    const ids = (rows: sqlite.QueryResult[]) => rows.map((r) => String(r.case_id));
    const posts = ids(ask('SELECT case_id FROM post_keys WHERE key IN (?)', unique(keys.posts.map(postKey))));
    matches.mark(posts, 'post');
    // Whoever wrote the page's post is an author seen on the page: their other cases belong there too.
    const writers = ask(
      'SELECT DISTINCT author_key FROM mentions WHERE author_key IS NOT NULL AND case_id IN (?)',
      posts,
    ).map((r) => String(r.author_key));
    const authors = unique([...keys.authors.map((a) => a.trim().toLowerCase()), ...writers]);
    matches.mark(ids(ask('SELECT DISTINCT case_id FROM mentions WHERE author_key IN (?)', authors)), 'author');
    const threads = unique(keys.threads.map(urlKey));
    matches.mark(ids(ask('SELECT DISTINCT case_id FROM mentions WHERE thread_key IN (?)', threads)), 'thread');
    if (!matches.byCase.size) return [];
    const found = [...matches.byCase.keys()];
    const rows = this.db.all(
      `SELECT json FROM cases WHERE id IN (${found.map(() => '?').join(',')}) ORDER BY updated_at DESC LIMIT ?`,
      [...found, keys.limit ?? 50],
    );
    return rankLookup(
      rows.map((r) => readCase(r)!),
      matches,
    );
  }

  async patch(id: string, body: PatchCaseBody, key: string | null, actor: Actor): Promise<ContractCase | null> {
    return this.inTransaction(() => {
      const c = this.getSync(id);
      if (!c) return null;
      if (key && this.db.get('SELECT 1 AS seen FROM patches WHERE idempotency_key = ?', [key])) return c;
      const at = new Date().toISOString();
      const entries = applyPatch(c, body, actorName(actor, body.by), at);
      if (entries.length) writeCase(this.db, c);
      if (body.mention) insertMention(this.db, c.id, body.mention);
      if (key) this.db.run('INSERT INTO patches (idempotency_key, case_id) VALUES (?, ?)', [key, id]);
      for (const e of entries) this.record(caseEvent(c, actor, e, at));
      return c;
    });
  }

  async addEvidence(caseId: string, key: string, e: EvidenceIn, actor: Actor): Promise<EvidenceResult> {
    return this.inTransaction(() => {
      const seen = this.db.get(`SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE idempotency_key = ?`, [key]);
      if (seen) return seen.sha256 === e.sha256 && seen.case_id === caseId ? replayed(seen) : { kind: 'mismatch' };
      const same = this.db.get(`SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE case_id = ? AND sha256 = ?`, [
        caseId,
        e.sha256,
      ]);
      if (same) return replayed(same);
      const c = this.getSync(caseId);
      if (!c) return { kind: 'no-case' };
      const at = new Date().toISOString();
      const id = randomUUID();
      this.db.run(
        `INSERT INTO evidence (id, case_id, idempotency_key, sha256, captured_at, page_url, image_type, image, json, created_at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, caseId, key, e.sha256, e.capturedAt, e.pageUrl, e.imageType, e.image, e.json, at, actor.name],
      );
      const entry = evidenceKept(c, e, actor.name, at);
      writeCase(this.db, c);
      this.record(caseEvent(c, actor, entry, at));
      return {
        kind: 'created',
        evidence: evidenceRow(this.db.get(`SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE id = ?`, [id])!),
      };
    });
  }

  async evidenceOf(caseId: string): Promise<ContractEvidence[]> {
    return this.db
      .all(`SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE case_id = ? ORDER BY created_at, id`, [caseId])
      .map(evidenceRow);
  }

  async evidenceFile(caseId: string, id: string): Promise<EvidenceFile | null> {
    const r = this.db.get(`SELECT ${EVIDENCE_COLUMNS}, image, json FROM evidence WHERE case_id = ? AND id = ?`, [
      caseId,
      id,
    ]);
    return r ? { ...evidenceRow(r), json: String(r.json), image: r.image as Uint8Array } : null;
  }

  async changes(since: string | null, limit: number): Promise<Page<Change>> {
    const rows = this.db.all('SELECT * FROM events WHERE seq > ? AND case_id IS NOT NULL ORDER BY seq LIMIT ?', [
      Number(since ?? 0),
      limit + 1,
    ]);
    const items = rows.slice(0, limit).map((r) => toChange(readEvent(r)));
    return { items, cursor: pageCursor(items, since, await this.latestCursor()), more: rows.length > limit };
  }

  async latestCursor(): Promise<string> {
    return String(this.db.get('SELECT coalesce(max(seq), 0) AS seq FROM events')?.seq ?? 0);
  }

  async audit(since: string | null, limit: number): Promise<Page<AuditEntry>> {
    const rows = this.db.all('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?', [
      Number(since ?? 0),
      limit + 1,
    ]);
    const items = rows.slice(0, limit).map((r) => toAuditEntry(readEvent(r)));
    return { items, cursor: pageCursor(items, since, '0'), more: rows.length > limit };
  }

  async addAgent(name: string, tokenHash: string, by: Actor): Promise<Member> {
    return this.addMember('agents', name, by, tokenHash);
  }

  async agentByTokenHash(hash: string): Promise<Member | null> {
    const r = this.db.get('SELECT id, name FROM agents WHERE token_hash = ?', [hash]);
    return r ? { id: String(r.id), name: String(r.name) } : null;
  }

  async agents(): Promise<Member[]> {
    return this.members('agents');
  }

  async addGroup(name: string, by: Actor): Promise<Member> {
    return this.addMember('groups', name, by);
  }

  async groups(): Promise<Member[]> {
    return this.members('groups');
  }

  async secret(): Promise<string> {
    if (this.cachedSecret) return this.cachedSecret;
    this.db.run("INSERT OR IGNORE INTO meta (key, value) VALUES ('ticket-secret', ?)", [
      randomBytes(32).toString('hex'),
    ]);
    this.cachedSecret = String(this.db.get("SELECT value FROM meta WHERE key = 'ticket-secret'")!.value);
    return this.cachedSecret;
  }

  async stats(): Promise<{ cases: number; distinctUrls: number; duplicateUrls: number }> {
    const n = (sql: string) => Number(this.db.get(sql)?.n ?? 0);
    return {
      cases: n('SELECT count(*) AS n FROM cases'),
      distinctUrls: n('SELECT count(DISTINCT url_key) AS n FROM mentions'),
      duplicateUrls: n(
        'SELECT count(*) AS n FROM (SELECT url_key FROM mentions GROUP BY url_key HAVING count(DISTINCT case_id) > 1)',
      ),
    };
  }

  /**
   * `VACUUM INTO` a new file under `<data>/backups/`: a consistent snapshot while the server runs
   * (it holds the database file, so nothing else may open it to copy it). It blocks requests
   * while it writes: well under a second for a team's store.
   */
  async backup(): Promise<string> {
    const dir = join(this.dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `cases-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
    this.db.run('VACUUM INTO ?', [file]);
    return file;
  }

  async urlKeys(): Promise<string[]> {
    return this.db.all('SELECT DISTINCT url_key FROM mentions').map((r) => String(r.url_key));
  }

  private addMember(table: 'agents' | 'groups', name: string, by: Actor, tokenHash?: string): Member {
    const clean = name.trim();
    return this.inTransaction(() => {
      if (this.db.get(`SELECT 1 AS taken FROM ${table} WHERE name = ?`, [clean]))
        throw new NameTakenError(`${table === 'agents' ? 'An agent' : 'A group'} named "${clean}" exists already`);
      const m = { id: randomUUID(), name: clean };
      const at = new Date().toISOString();
      if (table === 'agents')
        this.db.run('INSERT INTO agents (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)', [
          m.id,
          m.name,
          tokenHash!,
          at,
        ]);
      else this.db.run('INSERT INTO groups (id, name, created_at) VALUES (?, ?, ?)', [m.id, m.name, at]);
      const kind = table === 'agents' ? 'agent.added' : 'group.added';
      this.record({ at, actor: by, by: by.name, kind, caseId: null, detail: { id: m.id, name: m.name } });
      return m;
    });
  }

  private members(table: 'agents' | 'groups'): Member[] {
    return byName(
      this.db.all(`SELECT id, name FROM ${table}`).map((r) => ({ id: String(r.id), name: String(r.name) })),
    );
  }

  private record(e: EventRow): void {
    recordEvent(this.db, e);
    this.changed = true;
  }

  private list(sql: string, values: string[]): ContractCase[] {
    return this.db.all(sql, values).map((r) => readCase(r)!);
  }

  private inTransaction<T>(work: () => T): T {
    this.db.exec('BEGIN');
    this.changed = false;
    try {
      const out = work();
      this.db.exec('COMMIT');
      if (this.changed) for (const l of this.listeners) l();
      return out;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }
}

const EVIDENCE_COLUMNS =
  'id, case_id, sha256, captured_at, page_url, image_type, length(image) AS image_bytes, created_at, by';

function evidenceRow(r: sqlite.QueryResult): ContractEvidence {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    sha256: String(r.sha256),
    capturedAt: String(r.captured_at),
    pageUrl: String(r.page_url),
    imageType: String(r.image_type),
    imageBytes: Number(r.image_bytes),
    createdAt: String(r.created_at),
    by: String(r.by),
  };
}

function replayed(r: sqlite.QueryResult): EvidenceResult {
  return { kind: 'replayed', evidence: evidenceRow(r) };
}
