import { isCanonicalJson } from './canonical-json';
import { EvidenceStatementSchema, type ExportedEvidence } from './evidence';
import { evidenceSha256, fromBase64 } from './evidence-hash';

/**
 * Checks one exported evidence record the way anyone can: recompute the SHA-256 over its image
 * and JSON, check that the JSON is canonical and a statement of this format, and that the fields
 * beside it say what the JSON says. The import and `npm run verify-evidence` both use it.
 * Returns what is wrong, or null when the record holds.
 */
export async function checkExportedEvidence(e: ExportedEvidence): Promise<string | null> {
  let image: Uint8Array;
  try {
    image = fromBase64(e.image.base64);
  } catch {
    return 'the image is not valid base64';
  }
  if ((await evidenceSha256(image, e.json)) !== e.sha256) return 'the SHA-256 does not match its image and JSON';
  if (!isCanonicalJson(e.json)) return 'its JSON is not canonical';
  const statement = EvidenceStatementSchema.safeParse(JSON.parse(e.json));
  if (!statement.success) {
    const i = statement.error.issues[0];
    return `its JSON is not an evidence statement (${i ? `${i.path.join('.')}: ${i.message}` : 'invalid'})`;
  }
  const s = statement.data;
  const disagree = (
    [
      ['capturedAt', s.capturedAt, e.capturedAt],
      ['pageUrl', s.pageUrl, e.pageUrl],
      ['width', s.image.width, e.width],
      ['height', s.image.height, e.height],
      ['partial', s.partial, e.partial],
      ['notes', s.notes.join(','), e.notes.join(',')],
    ] as const
  ).find(([, a, b]) => a !== b);
  return disagree ? `its ${disagree[0]} differs from what its JSON says` : null;
}
