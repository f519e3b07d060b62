import type { CaptureDb } from './db';
import { toCsv } from '../domain/csv';
import { EXPORT_FORMAT, ExportFileSchema, importProblem, type ExportFile } from '../domain/export-file';
import { toStoredMention } from '../domain/stored-mention';
import { checkExportedEvidence } from '../domain/evidence-check';
import { exportedEvidence, storedEvidence } from './evidence-file';
import { exportedMention } from './thread';
import { problem, type Problem } from '../domain/problem';
import type { LogEntry } from '../domain/case';
import { withoutCaseKeys } from '../domain/case-keys';
import { subjectOf } from '../domain/case-subject';

/** Without a wording (tests): the agent's text, or the code with its data. */
const plainLogText = (e: LogEntry) => e.text || [e.code, ...Object.values(e.params ?? {})].join(' ');

/** Everything stored, as the JSON export (evidence not yet claimed by a saved capture stays out). */
export async function exportJson(db: CaptureDb, now = new Date()): Promise<ExportFile> {
  const [cases, rows, evidence] = await Promise.all([
    db.cases.toArray(),
    db.mentions.toArray(),
    db.evidence.where('caseId').above('').toArray(),
  ]);
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    // The queue's keys are this database's own: recomputed on import, never in the file.
    cases: cases.map(withoutCaseKeys),
    mentions: rows.map(exportedMention),
    evidence: await Promise.all(evidence.map(exportedEvidence)),
  };
}

const CSV_HEADER = [
  'case_id',
  'status',
  'owner',
  'category',
  'severity',
  'case_created',
  'case_updated',
  'sync',
  'platform',
  'kind',
  'url',
  'author_name',
  'author_handle',
  'text',
  'published_at',
  'captured_at',
  'log',
];

/** One row per mention with its case's fields (a case whose mentions were purged gets one row). */
export async function exportCsv(db: CaptureDb, logText: (e: LogEntry) => string = plainLogText): Promise<string> {
  const file = await exportJson(db);
  const byCase = new Map<string, typeof file.mentions>();
  for (const m of file.mentions) byCase.set(m.caseId, [...(byCase.get(m.caseId) ?? []), m]);
  const rows: unknown[][] = [];
  for (const c of file.cases) {
    const log = c.log.map((e) => `${e.at} ${e.by} ${e.kind}: ${logText(e)}`).join('\n');
    const head = [c.id, c.status, c.owner, c.category, c.severity, c.createdAt, c.updatedAt, c.syncState];
    const ms = byCase.get(c.id) ?? [];
    if (!ms.length) rows.push([...head, '', '', '', '', '', '', '', '', log]);
    for (const m of ms)
      rows.push([
        ...head,
        m.platform,
        m.kind,
        m.url,
        m.author.name,
        m.author.handle,
        m.text,
        m.publishedAt,
        m.capturedAt,
        log,
      ]);
  }
  return toCsv(CSV_HEADER, rows);
}

export type ImportResult =
  { ok: true; cases: number; mentions: number; skipped: number } | { ok: false; error: Problem };

/**
 * Imports a JSON export. The whole file is validated first; a bad file changes nothing. Cases
 * already stored (same id) are kept as they are and counted as skipped, with their mentions.
 */
export async function importJson(db: CaptureDb, text: string): Promise<ImportResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: problem('import_not_json') };
  }
  const parsed = ExportFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: importProblem(parsed.error) };
  const file = parsed.data;
  // Evidence is only evidence if its hash holds: one record that does not refuses the file.
  const evidence = file.evidence ?? [];
  const problems = await Promise.all(evidence.map(checkExportedEvidence));
  const bad = problems.findIndex((p) => p !== null);
  if (bad >= 0)
    return {
      ok: false,
      error: problem('import_evidence_mismatch', { where: `evidence.${bad}`, detail: problems[bad]! }),
    };
  return db.transaction('rw', db.cases, db.mentions, db.evidence, async () => {
    const existing = await db.cases.bulkGet(file.cases.map((c) => c.id));
    const known = new Set(existing.filter((c) => !!c).map((c) => c.id));
    // A case still waiting to sync elsewhere has no outbox entry here: it stays local to this browser.
    // An export made before cases kept their first mention in brief gets it from the file.
    const firstOf = new Map(file.mentions.map((m) => [m.id, m]));
    const cases = file.cases
      .filter((c) => !known.has(c.id))
      .map((c) => {
        const first = c.mentionIds[0] ? firstOf.get(c.mentionIds[0]) : undefined;
        const withSubject = c.subject || !first ? c : { ...c, subject: subjectOf(first) };
        return c.syncState === 'queued' || c.syncState === 'failed'
          ? { ...withSubject, syncState: 'local' as const, syncError: null, syncProblem: null }
          : withSubject;
      });
    // Keys are recomputed, not trusted from the file, so matching works the same as for captures.
    const mentions = file.mentions.filter((m) => !known.has(m.caseId)).map((m) => toStoredMention(m, m.id, m.caseId));
    await db.cases.bulkAdd(cases);
    await db.mentions.bulkPut(mentions);
    await db.evidence.bulkPut(evidence.filter((e) => !known.has(e.caseId)).map(storedEvidence));
    return { ok: true as const, cases: cases.length, mentions: mentions.length, skipped: known.size };
  });
}
