import type sqlite from 'node-sqlite3-wasm';
import type { ContractCase } from '../../contract/cases';
import type { Mention } from '../../domain/mention';
import { mentionRow, type EventRow, type StoredEvent } from '../store-rows';

/** Row-level writes and reads shared by the store and its migrations. */

/** A mention's keys; its post key goes to the case unless another case has that post already. */
export function insertMention(db: sqlite.Database, caseId: string, m: Mention): void {
  const r = mentionRow(m);
  db.run(
    'INSERT INTO mentions (case_id, url_key, platform, handle, author_key, thread_key) VALUES (?, ?, ?, ?, ?, ?)',
    [caseId, r.urlKey, r.platform, r.handle, r.authorKey, r.threadKey],
  );
  db.run('INSERT OR IGNORE INTO post_keys (key, case_id) VALUES (?, ?)', [r.postKey, caseId]);
}

export function readCase(row: sqlite.QueryResult | null): ContractCase | null {
  return row ? (JSON.parse(String(row.json)) as ContractCase) : null;
}

export function writeCase(db: sqlite.Database, c: ContractCase): void {
  db.run('UPDATE cases SET json = ?, updated_at = ? WHERE id = ?', [JSON.stringify(c), c.updatedAt, c.id]);
}

/** One audit entry; entries with a case id are the change feed. */
export function recordEvent(db: sqlite.Database, e: EventRow): void {
  db.run('INSERT INTO events (at, agent_id, by, kind, case_id, detail) VALUES (?, ?, ?, ?, ?, ?)', [
    e.at,
    e.actor.agentId,
    e.by,
    e.kind,
    e.caseId,
    JSON.stringify(e.detail),
  ]);
}

export function readEvent(r: sqlite.QueryResult): StoredEvent {
  return {
    seq: String(r.seq),
    at: String(r.at),
    agentId: r.agent_id === null ? null : String(r.agent_id),
    by: String(r.by),
    kind: String(r.kind),
    caseId: r.case_id === null ? null : String(r.case_id),
    detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
  };
}
