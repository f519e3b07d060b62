import type { ExportedEvidence, StoredEvidence } from '../domain/evidence';
import { fromBase64, toBase64 } from '../domain/evidence-hash';

/** A stored record as the export carries it: the image's bytes as base64, with its hash. */
export async function exportedEvidence(r: StoredEvidence): Promise<ExportedEvidence> {
  return {
    id: r.id,
    caseId: r.caseId ?? '',
    mentionId: r.mentionId,
    capturedAt: r.capturedAt,
    pageUrl: r.pageUrl,
    width: r.width,
    height: r.height,
    partial: r.partial,
    notes: r.notes,
    json: r.json,
    sha256: r.sha256,
    image: { type: 'image/png', base64: toBase64(new Uint8Array(await r.image.arrayBuffer())) },
  };
}

/** An exported record (already checked) as stored: the image as a Blob again. */
export function storedEvidence(e: ExportedEvidence): StoredEvidence {
  const { image, ...rest } = e;
  return { ...rest, image: new Blob([fromBase64(image.base64) as Uint8Array<ArrayBuffer>], { type: image.type }) };
}
