import type { ContractCase, CreateCaseBody, PatchCaseBody } from '../../contract/cases';
import type { Mention } from '../../domain/mention';
import { postKey } from '../../domain/team-keys';
import { actorName, applyPatch, capturedAgain, newCase, type Actor } from '../case-model';
import { bodyHash, type CreateResult } from '../store';
import { caseEvent, mentionRow } from '../store-rows';
import type { Tx } from './tx';

/**
 * The PostgreSQL store's writes to cases, each inside a transaction of tx.ts: rows locked while
 * they are rewritten, and a lost race on a unique key failing the transaction so it runs again.
 */

export async function createCase(
  tx: Tx,
  key: string,
  body: CreateCaseBody,
  actor: Actor,
  at: string,
): Promise<CreateResult> {
  const hash = bodyHash(body);
  const seen = await tx.one<{ case_id: string; body_hash: string; existing: boolean }>(
    'SELECT case_id, body_hash, existing FROM create_keys WHERE key = $1',
    [key],
  );
  if (seen) {
    if (seen.body_hash !== hash) return { kind: 'mismatch' };
    const c = await caseById(tx, seen.case_id);
    if (c) return { kind: 'replayed', case: c, existing: seen.existing };
  }
  const by = actorName(actor, body.capturedBy);
  const holder = await tx.one<{ case_id: string }>('SELECT case_id FROM post_keys WHERE key = $1', [
    postKey(body.mention.url),
  ]);
  const existing = holder ? await caseById(tx, holder.case_id, true) : null;
  if (existing) {
    const entries = capturedAgain(existing, body, by, at);
    await writeCase(tx, existing);
    await tx.rows('INSERT INTO create_keys (key, case_id, body_hash, existing) VALUES ($1, $2, $3, true)', [
      key,
      existing.id,
      hash,
    ]);
    tx.events.push(...entries.map((e) => caseEvent(existing, actor, e, at)));
    return { kind: 'replayed', case: existing, existing: true };
  }
  const c = newCase(key, body, by, at);
  await tx.rows(
    'INSERT INTO cases (id, idempotency_key, body_hash, doc, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)',
    [c.id, key, hash, JSON.stringify(c), at],
  );
  await tx.rows('INSERT INTO create_keys (key, case_id, body_hash, existing) VALUES ($1, $2, $3, false)', [
    key,
    c.id,
    hash,
  ]);
  // No ON CONFLICT: another instance that took this post meanwhile makes this fail, and the
  // transaction runs again and joins that case.
  await insertMention(tx, c.id, body.mention, 'claim');
  tx.events.push(...c.history.map((e) => caseEvent(c, actor, e, at)));
  return { kind: 'created', case: c, existing: false };
}

export async function patchCase(
  tx: Tx,
  id: string,
  body: PatchCaseBody,
  key: string | null,
  actor: Actor,
): Promise<ContractCase | null> {
  const c = await caseById(tx, id, true);
  if (!c) return null;
  if (key && (await tx.one('SELECT 1 FROM patches WHERE idempotency_key = $1', [key]))) return c;
  const at = new Date().toISOString();
  const entries = applyPatch(c, body, actorName(actor, body.by), at);
  if (entries.length) await writeCase(tx, c);
  if (body.mention) await insertMention(tx, c.id, body.mention, 'if-free');
  if (key) await tx.rows('INSERT INTO patches (idempotency_key, case_id) VALUES ($1, $2)', [key, id]);
  tx.events.push(...entries.map((e) => caseEvent(c, actor, e, at)));
  return c;
}

export async function caseById(tx: Tx, id: string, forUpdate = false): Promise<ContractCase | null> {
  const r = await tx.one<{ doc: ContractCase }>(
    `SELECT doc FROM cases WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return r?.doc ?? null;
}

export async function writeCase(tx: Tx, c: ContractCase): Promise<void> {
  await tx.rows('UPDATE cases SET doc = $1, updated_at = $2 WHERE id = $3', [JSON.stringify(c), c.updatedAt, c.id]);
}

/**
 * A mention's rows. `claim`: the post key must be free (a new case); `if-free`: the post key goes
 * to this case unless another case has it already (a post attached to a case).
 */
async function insertMention(tx: Tx, caseId: string, m: Mention, post: 'claim' | 'if-free'): Promise<void> {
  const r = mentionRow(m);
  await tx.rows(
    'INSERT INTO mentions (case_id, url_key, platform, handle, author_key, thread_key) VALUES ($1, $2, $3, $4, $5, $6)',
    [caseId, r.urlKey, r.platform, r.handle, r.authorKey, r.threadKey],
  );
  await tx.rows(
    `INSERT INTO post_keys (key, case_id) VALUES ($1, $2)${post === 'if-free' ? ' ON CONFLICT (key) DO NOTHING' : ''}`,
    [r.postKey, caseId],
  );
}
