import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ContractCase, CreateCaseBody, PatchCaseBody } from '../../contract/cases';
import type { Change, LookupBody, TeamCaseWire } from '../../contract/team';
import { postKey } from '../../domain/team-keys';
import { urlKey } from '../../domain/url-key';
import type { Actor } from '../case-model';
import {
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
import type { ContractEvidence } from '../../contract/evidence';
import { addEvidence, EVIDENCE_COLUMNS, readEvidence, readEvidenceFile, type EvidenceDbRow } from './evidence';
import { byName, Matches, pageCursor, rankLookup, toAuditEntry, toChange, type StoredEvent } from '../store-rows';
import { FeedListener } from './listen';
import { FEED_CHANNEL, migrate } from './schema';
import { inTransaction, sqlState } from './tx';
import { createCase, patchCase } from './writes';

interface EventDbRow {
  seq: string;
  at: Date;
  agent_id: string | null;
  by: string;
  kind: string;
  case_id: string | null;
  detail: Record<string, unknown>;
}

const EVENT_COLUMNS = 'seq, at, agent_id, by, kind, case_id, detail';

function readEvent(r: EventDbRow): StoredEvent {
  return {
    seq: String(r.seq),
    at: r.at.toISOString(),
    agentId: r.agent_id,
    by: r.by,
    kind: r.kind,
    caseId: r.case_id,
    detail: r.detail,
  };
}

/** `postgres://user:secret@host:5432/db` as `PostgreSQL at host:5432/db` (no password in logs). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * The PostgreSQL store (`--database postgres://…`), for teams that run several instances behind a
 * load balancer. Every rule lives in the database: unique keys for idempotency keys and post keys
 * (a losing racer runs its transaction again: tx.ts), rows locked while a change rewrites them,
 * the feed's order by a lock its trigger takes (schema.ts), the ticket secret in a table, and
 * LISTEN/NOTIFY to wake every instance's event streams (listen.ts).
 */
export class PgStore implements CaseStore {
  private readonly listeners = new Set<() => void>();
  private readonly listener: FeedListener;
  private cachedSecret: string | null = null;
  readonly where: string;

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
    log: (line: string) => void,
  ) {
    this.where = describeUrl(url);
    this.listener = new FeedListener({ connectionString: url }, FEED_CHANNEL, () => this.changed(), log);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Connects, runs the missing migrations, and starts listening for other instances' changes. */
  static async open(url: string, opts: { poolSize?: number; log?: (line: string) => void } = {}): Promise<PgStore> {
    const log = opts.log ?? (() => {});
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      application_name: 'complaint-capture',
    });
    // An idle connection the server dropped must not crash the process; the next query reconnects.
    pool.on('error', (e) => log(`PostgreSQL connection lost: ${e.message}`));
    try {
      await migrate(pool, log);
    } catch (e) {
      await pool.end().catch(() => {});
      throw e;
    }
    const store = new PgStore(pool, url, log);
    await store.listener.start();
    return store;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.pool.end();
  }

  async create(key: string, body: CreateCaseBody, actor: Actor): Promise<CreateResult> {
    return inTransaction(this.pool, (tx) => createCase(tx, key, body, actor, new Date().toISOString()));
  }

  async createMany(items: { key: string; body: CreateCaseBody }[], actor: Actor): Promise<CreateResult[]> {
    const at = new Date().toISOString();
    return inTransaction(this.pool, async (tx) => {
      const out: CreateResult[] = [];
      for (const i of items) out.push(await createCase(tx, i.key, i.body, actor, at));
      return out;
    });
  }

  async get(id: string): Promise<ContractCase | null> {
    return (await this.cases('SELECT doc FROM cases WHERE id = $1', [id]))[0] ?? null;
  }

  async byKey(key: string): Promise<ContractCase[]> {
    return this.cases('SELECT c.doc FROM cases c JOIN create_keys k ON k.case_id = c.id WHERE k.key = $1', [key]);
  }

  async byUrl(url: string): Promise<ContractCase[]> {
    return this.cases(
      'SELECT doc FROM cases WHERE id IN (SELECT case_id FROM mentions WHERE url_key = $1) ORDER BY created_at',
      [urlKey(url)],
    );
  }

  async byAuthor(platform: string, handle: string): Promise<ContractCase[]> {
    return this.cases(
      'SELECT doc FROM cases WHERE id IN (SELECT case_id FROM mentions WHERE platform = $1 AND handle = $2) ORDER BY created_at',
      [platform, handle.replace(/^@/, '').toLowerCase()],
    );
  }

  async lookup(keys: LookupBody): Promise<TeamCaseWire[]> {
    const unique = (xs: string[]) => [...new Set(xs)];
    const ids = async (sql: string, values: string[]) =>
      values.length ? (await this.pool.query<{ case_id: string }>(sql, [values])).rows.map((r) => r.case_id) : [];
    const matches = new Matches();
    const posts = await ids('SELECT case_id FROM post_keys WHERE key = ANY($1)', unique(keys.posts.map(postKey)));
    matches.mark(posts, 'post');
    // Whoever wrote the page's post is an author seen on the page: their other cases belong there too.
    const writers = posts.length
      ? (
          await this.pool.query<{ author_key: string }>(
            'SELECT DISTINCT author_key FROM mentions WHERE author_key IS NOT NULL AND case_id = ANY($1)',
            [posts],
          )
        ).rows.map((r) => r.author_key)
      : [];
    const authors = unique([...keys.authors.map((a) => a.trim().toLowerCase()), ...writers]);
    matches.mark(await ids('SELECT DISTINCT case_id FROM mentions WHERE author_key = ANY($1)', authors), 'author');
    const threads = unique(keys.threads.map(urlKey));
    matches.mark(await ids('SELECT DISTINCT case_id FROM mentions WHERE thread_key = ANY($1)', threads), 'thread');
    if (!matches.byCase.size) return [];
    const found = await this.cases('SELECT doc FROM cases WHERE id = ANY($1) ORDER BY updated_at DESC LIMIT $2', [
      [...matches.byCase.keys()],
      keys.limit ?? 50,
    ]);
    return rankLookup(found, matches);
  }

  async patch(id: string, body: PatchCaseBody, key: string | null, actor: Actor): Promise<ContractCase | null> {
    return inTransaction(this.pool, (tx) => patchCase(tx, id, body, key, actor));
  }

  async addEvidence(caseId: string, key: string, e: EvidenceIn, actor: Actor): Promise<EvidenceResult> {
    return inTransaction(this.pool, (tx) => addEvidence(tx, caseId, key, e, actor));
  }

  async evidenceOf(caseId: string): Promise<ContractEvidence[]> {
    const r = await this.pool.query<EvidenceDbRow>(
      `SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE case_id = $1 ORDER BY created_at, id`,
      [caseId],
    );
    return r.rows.map(readEvidence);
  }

  async evidenceFile(caseId: string, id: string): Promise<EvidenceFile | null> {
    const r = await this.pool.query<EvidenceDbRow & { image: Buffer; json: string }>(
      `SELECT ${EVIDENCE_COLUMNS}, image, json FROM evidence WHERE case_id = $1 AND id = $2`,
      [caseId, id],
    );
    return r.rows[0] ? readEvidenceFile(r.rows[0]) : null;
  }

  async changes(since: string | null, limit: number): Promise<Page<Change>> {
    const rows = await this.events(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE seq > $1 AND case_id IS NOT NULL ORDER BY seq LIMIT $2`,
      since,
      limit,
    );
    const items = rows.slice(0, limit).map(toChange);
    return { items, cursor: pageCursor(items, since, await this.latestCursor()), more: rows.length > limit };
  }

  async latestCursor(): Promise<string> {
    return (await this.pool.query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM events')).rows[0]!.seq;
  }

  async audit(since: string | null, limit: number): Promise<Page<AuditEntry>> {
    const rows = await this.events(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`,
      since,
      limit,
    );
    const items = rows.slice(0, limit).map(toAuditEntry);
    return { items, cursor: pageCursor(items, since, '0'), more: rows.length > limit };
  }

  async addAgent(name: string, tokenHash: string, by: Actor): Promise<Member> {
    return this.addMember('agents', name, by, tokenHash);
  }

  async agentByTokenHash(hash: string): Promise<Member | null> {
    return (await this.pool.query<Member>('SELECT id, name FROM agents WHERE token_hash = $1', [hash])).rows[0] ?? null;
  }

  async agents(): Promise<Member[]> {
    return byName((await this.pool.query<Member>('SELECT id, name FROM agents')).rows);
  }

  async addGroup(name: string, by: Actor): Promise<Member> {
    return this.addMember('groups', name, by);
  }

  async groups(): Promise<Member[]> {
    return byName((await this.pool.query<Member>('SELECT id, name FROM groups')).rows);
  }

  async secret(): Promise<string> {
    if (this.cachedSecret) return this.cachedSecret;
    // The first instance to ask makes it; every other one reads that one.
    await this.pool.query("INSERT INTO meta (key, value) VALUES ('ticket-secret', $1) ON CONFLICT (key) DO NOTHING", [
      randomBytes(32).toString('hex'),
    ]);
    const r = await this.pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'ticket-secret'");
    this.cachedSecret = r.rows[0]!.value;
    return this.cachedSecret;
  }

  async stats(): Promise<{ cases: number; distinctUrls: number; duplicateUrls: number }> {
    const r = await this.pool.query<{ cases: string; urls: string; dups: string }>(`SELECT
      (SELECT count(*) FROM cases) AS cases,
      (SELECT count(DISTINCT url_key) FROM mentions) AS urls,
      (SELECT count(*) FROM (SELECT url_key FROM mentions GROUP BY url_key HAVING count(DISTINCT case_id) > 1) d) AS dups`);
    const row = r.rows[0]!;
    return { cases: Number(row.cases), distinctUrls: Number(row.urls), duplicateUrls: Number(row.dups) };
  }

  /** pg_dump makes consistent copies of a running database (docs/backend-contract.md). */
  async backup(): Promise<null> {
    return null;
  }

  async urlKeys(): Promise<string[]> {
    return (await this.pool.query<{ url_key: string }>('SELECT DISTINCT url_key FROM mentions')).rows.map(
      (r) => r.url_key,
    );
  }

  private async addMember(table: 'agents' | 'groups', name: string, by: Actor, tokenHash?: string): Promise<Member> {
    const clean = name.trim();
    const taken = () =>
      new NameTakenError(`${table === 'agents' ? 'An agent' : 'A group'} named "${clean}" exists already`);
    try {
      return await inTransaction(this.pool, async (tx) => {
        if (await tx.one(`SELECT 1 FROM ${table} WHERE lower(name) = lower($1)`, [clean])) throw taken();
        const m = { id: randomUUID(), name: clean };
        const at = new Date().toISOString();
        if (table === 'agents')
          await tx.rows('INSERT INTO agents (id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)', [
            m.id,
            m.name,
            tokenHash!,
            at,
          ]);
        else await tx.rows('INSERT INTO groups (id, name, created_at) VALUES ($1, $2, $3)', [m.id, m.name, at]);
        const kind = table === 'agents' ? 'agent.added' : 'group.added';
        tx.events.push({ at, actor: by, by: by.name, kind, caseId: null, detail: { id: m.id, name: m.name } });
        return m;
      });
    } catch (e) {
      // Two instances adding the same name at once: the unique index refused the second.
      if (sqlState(e) === '23505') throw taken();
      throw e;
    }
  }

  private async events(sql: string, since: string | null, limit: number): Promise<StoredEvent[]> {
    return (await this.pool.query<EventDbRow>(sql, [since ?? '0', limit + 1])).rows.map(readEvent);
  }

  private async cases(sql: string, values: unknown[]): Promise<ContractCase[]> {
    return (await this.pool.query<{ doc: ContractCase }>(sql, values)).rows.map((r) => r.doc);
  }
}
