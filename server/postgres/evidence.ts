import { randomUUID } from 'node:crypto';
import type { ContractEvidence } from '../../contract/evidence';
import { evidenceKept, type Actor } from '../case-model';
import type { EvidenceFile, EvidenceIn, EvidenceResult } from '../store';
import { caseEvent } from '../store-rows';
import type { Tx } from './tx';
import { caseById, writeCase } from './writes';

/** The PostgreSQL store's evidence (schema version 2), the same rules as the SQLite store's. */

interface EvidenceDbRow {
  id: string;
  case_id: string;
  sha256: string;
  captured_at: string;
  page_url: string;
  image_type: string;
  image_bytes: number;
  created_at: Date;
  by: string;
}

export const EVIDENCE_COLUMNS =
  'id, case_id, sha256, captured_at, page_url, image_type, length(image) AS image_bytes, created_at, by';

export function readEvidence(r: EvidenceDbRow): ContractEvidence {
  return {
    id: r.id,
    caseId: r.case_id,
    sha256: r.sha256,
    capturedAt: r.captured_at,
    pageUrl: r.page_url,
    imageType: r.image_type,
    imageBytes: Number(r.image_bytes),
    createdAt: r.created_at.toISOString(),
    by: r.by,
  };
}

/**
 * Keeps evidence once per upload key (the same key with another hash or case: mismatch) and once
 * per hash on a case. Two instances racing with one upload both insert; the unique keys fail the
 * loser, whose transaction runs again (tx.ts) and finds the winner's row.
 */
export async function addEvidence(
  tx: Tx,
  caseId: string,
  key: string,
  e: EvidenceIn,
  actor: Actor,
): Promise<EvidenceResult> {
  const seen = await tx.one<EvidenceDbRow>(`SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE idempotency_key = $1`, [
    key,
  ]);
  if (seen)
    return seen.sha256 === e.sha256 && seen.case_id === caseId
      ? { kind: 'replayed', evidence: readEvidence(seen) }
      : { kind: 'mismatch' };
  const same = await tx.one<EvidenceDbRow>(
    `SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE case_id = $1 AND sha256 = $2`,
    [caseId, e.sha256],
  );
  if (same) return { kind: 'replayed', evidence: readEvidence(same) };
  const c = await caseById(tx, caseId, true);
  if (!c) return { kind: 'no-case' };
  const at = new Date().toISOString();
  const id = randomUUID();
  await tx.rows(
    `INSERT INTO evidence (id, case_id, idempotency_key, sha256, captured_at, page_url, image_type, image, json, created_at, by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, caseId, key, e.sha256, e.capturedAt, e.pageUrl, e.imageType, Buffer.from(e.image), e.json, at, actor.name],
  );
  const entry = evidenceKept(c, e, actor.name, at);
  await writeCase(tx, c);
  tx.events.push(caseEvent(c, actor, entry, at));
  const row = await tx.one<EvidenceDbRow>(`SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE id = $1`, [id]);
  return { kind: 'created', evidence: readEvidence(row!) };
}

/** One piece of evidence with its file and JSON. */
export function readEvidenceFile(r: EvidenceDbRow & { image: Buffer; json: string }): EvidenceFile {
  return { ...readEvidence(r), json: r.json, image: new Uint8Array(r.image) };
}

export type { EvidenceDbRow };
