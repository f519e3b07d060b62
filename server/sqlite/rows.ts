import type sqlite from 'node-sqlite3-wasm';
import type { ContractCase } from '../../contract/cases';
import type { Mention } from '../../domain/mention';
import { postKey, teamKeysOf } from '../../domain/team-keys';
import { urlKey } from '../../domain/url-key';
import type { Actor } from '../case-model';

/** Row-level writes shared by the store and its migrations. */

/** A mention's keys; its post key goes to the case unless another case has that post already. */
export function insertMention(db: sqlite.Database, caseId: string, m: Mention): void {
  const keys = teamKeysOf(m);
  db.run(
    'INSERT INTO mentions (case_id, url_key, platform, handle, author_key, thread_key) VALUES (?, ?, ?, ?, ?, ?)',
    [caseId, urlKey(m.url), m.platform, m.author.handle?.toLowerCase() ?? null, keys.author, keys.thread],
  );
  db.run('INSERT OR IGNORE INTO post_keys (key, case_id) VALUES (?, ?)', [postKey(m.url), caseId]);
}

export function readCase(row: sqlite.QueryResult | null): ContractCase | null {
  return row ? (JSON.parse(String(row.json)) as ContractCase) : null;
}

export function writeCase(db: sqlite.Database, c: ContractCase): void {
  db.run('UPDATE cases SET json = ?, updated_at = ? WHERE id = ?', [JSON.stringify(c), c.updatedAt, c.id]);
}

/** One audit entry; entries with a case id are the change feed. */
export function recordEvent(
  db: sqlite.Database,
  e: { at: string; actor: Actor; by: string; kind: string; caseId: string | null; detail: Record<string, unknown> },
): void {
  db.run('INSERT INTO events (at, agent_id, by, kind, case_id, detail) VALUES (?, ?, ?, ?, ?, ?)', [
    e.at,
    e.actor.agentId,
    e.by,
    e.kind,
    e.caseId,
    JSON.stringify(e.detail),
  ]);
}
