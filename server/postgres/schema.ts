import type pg from 'pg';

/**
 * The PostgreSQL store's tables, as versions that are only ever added (schema_version counts
 * them). Every instance runs the missing versions at start, one at a time (an advisory lock), so
 * several instances starting together on a fresh database migrate it once.
 */

/** Advisory lock keys, fixed numbers of this application within its database. */
export const MIGRATION_LOCK = 7_262_716_101;
export const FEED_LOCK = 7_262_716_102;
/** The channel a commit that wrote to the feed notifies (every instance listens). */
export const FEED_CHANNEL = 'cc_feed';

const MIGRATIONS: string[] = [
  // 1: the store as the SQLite store's second version has it.
  `
  CREATE TABLE cases (
    id text PRIMARY KEY,
    idempotency_key text NOT NULL UNIQUE,
    body_hash text NOT NULL,
    doc jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL);
  CREATE INDEX cases_updated ON cases (updated_at);
  -- Every create key: a create for a post that has a case is kept with that case (existing).
  CREATE TABLE create_keys (
    key text PRIMARY KEY,
    case_id text NOT NULL REFERENCES cases (id),
    body_hash text NOT NULL,
    existing boolean NOT NULL);
  -- One case per post: the primary key is the rule, for every instance at once.
  CREATE TABLE post_keys (key text PRIMARY KEY, case_id text NOT NULL REFERENCES cases (id));
  CREATE TABLE mentions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id text NOT NULL REFERENCES cases (id),
    url_key text NOT NULL,
    platform text NOT NULL,
    handle text,
    author_key text,
    thread_key text);
  CREATE INDEX mentions_url ON mentions (url_key);
  CREATE INDEX mentions_author ON mentions (platform, handle);
  CREATE INDEX mentions_author_key ON mentions (author_key);
  CREATE INDEX mentions_thread_key ON mentions (thread_key);
  CREATE INDEX mentions_case ON mentions (case_id);
  CREATE TABLE patches (idempotency_key text PRIMARY KEY, case_id text NOT NULL REFERENCES cases (id));
  CREATE TABLE agents (
    id text PRIMARY KEY,
    name text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL);
  CREATE UNIQUE INDEX agents_name ON agents (lower(name));
  CREATE TABLE groups (id text PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL);
  CREATE UNIQUE INDEX groups_name ON groups (lower(name));
  -- The audit; rows with a case id are the change feed, read by seq.
  CREATE TABLE events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    agent_id text,
    by text NOT NULL,
    kind text NOT NULL,
    case_id text,
    detail jsonb NOT NULL);
  CREATE INDEX events_case ON events (case_id, seq);
  CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);

  -- Feed order = commit order. A sequence hands out numbers when rows are inserted, not when they
  -- commit: a transaction holding seq 10 can commit after one holding 11, and a reader that already
  -- moved its cursor past 11 would never see 10. So every insert into events first takes one
  -- transaction-level advisory lock, held until its transaction ends: the next writer gets its
  -- numbers only after this one committed (or rolled back), and a visible seq means every lower
  -- one is visible or gone. The trigger makes it hold for any writer, and notifies the instances.
  CREATE FUNCTION cc_events_in_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(${FEED_LOCK});
    PERFORM pg_notify('${FEED_CHANNEL}', '');
    RETURN NULL;
  END $$;
  CREATE TRIGGER events_in_commit_order BEFORE INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION cc_events_in_commit_order();
  `,
  // 2: evidence, as the SQLite store's third version has it: an image of a captured post and its
  // canonical JSON, with their SHA-256; once per upload key and once per hash on a case (unique
  // keys, so two instances racing with the same upload keep one). The capture time is kept as
  // the client sent it (it is part of what was hashed).
  `
  CREATE TABLE evidence (
    id text PRIMARY KEY,
    case_id text NOT NULL REFERENCES cases (id),
    idempotency_key text NOT NULL UNIQUE,
    sha256 text NOT NULL,
    captured_at text NOT NULL,
    page_url text NOT NULL,
    image_type text NOT NULL,
    image bytea NOT NULL,
    json text NOT NULL,
    created_at timestamptz NOT NULL,
    by text NOT NULL,
    UNIQUE (case_id, sha256));
  `,
];

/** The version this server writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to SCHEMA_VERSION; refuses one written by a newer server. */
export async function migrate(pool: pg.Pool, log: (line: string) => void): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL, at timestamptz NOT NULL)');
    const found = (await c.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version')).rows[0]?.v ?? 0;
    if (found > SCHEMA_VERSION)
      throw new Error(
        `The database has schema version ${found}, newer than this server's ${SCHEMA_VERSION}: run the newer server (downgrades are not supported).`,
      );
    for (let v = found; v < SCHEMA_VERSION; v++) {
      await c.query(MIGRATIONS[v]!);
      await c.query('INSERT INTO schema_version (version, at) VALUES ($1, now())', [v + 1]);
      log(`PostgreSQL schema migrated to version ${v + 1}.`);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}
