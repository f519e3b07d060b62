/**
 * `npm run verify-evidence <export.json>`: recomputes the SHA-256 of every evidence record in a
 * JSON export (domain/evidence-hash.ts: the image's length, a line feed, the image, the canonical
 * JSON) and checks each record against its own JSON (domain/evidence-check.ts). Prints one line
 * per record and names every record that does not hold. Exit 0: all hold; 1: one or more do not;
 * 2: no file, or not an export.
 */
import { readFileSync } from 'node:fs';
import { checkExportedEvidence } from '../domain/evidence-check';
import { ExportedEvidenceSchema } from '../domain/evidence';

async function main(path: string | undefined): Promise<number> {
  if (!path) {
    console.error('usage: npm run verify-evidence <export.json>');
    return 2;
  }
  let file: unknown;
  try {
    file = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.error(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const records = file && typeof file === 'object' ? (file as { evidence?: unknown }).evidence : undefined;
  if ((file as { format?: unknown } | null)?.format !== 'complaint-capture-export' || !Array.isArray(records)) {
    console.error(`${path} is not a Complaint Capture JSON export with evidence`);
    return 2;
  }
  let bad = 0;
  for (const [i, raw] of records.entries()) {
    const parsed = ExportedEvidenceSchema.safeParse(raw);
    const id = (raw as { id?: unknown } | null)?.id;
    const name = `evidence ${i} (${typeof id === 'string' ? id : 'no id'})`;
    const problem = parsed.success
      ? await checkExportedEvidence(parsed.data)
      : `not an evidence record (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`;
    if (problem) {
      bad++;
      console.log(`MISMATCH ${name}: ${problem}`);
    } else if (parsed.success)
      console.log(
        `ok       ${name}: case ${parsed.data.caseId}, captured ${parsed.data.capturedAt}, sha256 ${parsed.data.sha256}`,
      );
  }
  console.log(
    `${records.length - bad} of ${records.length} evidence records verified${bad ? `, ${bad} do not match` : ''}`,
  );
  return bad ? 1 : 0;
}

process.exitCode = await main(process.argv[2]);
