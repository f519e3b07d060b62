import { crc32, deflateSync } from 'node:zlib';
import { canonicalJson } from '../../domain/canonical-json';
import { EVIDENCE_FORMAT, type EvidenceStatement, type StoredEvidence } from '../../domain/evidence';
import { evidenceSha256 } from '../../domain/evidence-hash';
import type { Mention } from '../../domain/mention';
import { mention as sampleMention } from '../helpers';

/** A real PNG of `width` × `height` grey pixels (what a cut of a capture would be). */
export function tinyPng(width = 3, height = 2, grey = 0x80): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, grey);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A complete evidence record as the job makes it (pending: no case yet), and its PNG's bytes apart. */
export async function sampleEvidence(
  over: { id?: string; mention?: Mention; capturedAt?: string; png?: Uint8Array } = {},
): Promise<StoredEvidence & { png: Uint8Array; row: StoredEvidence }> {
  const png = over.png ?? tinyPng();
  const capturedAt = over.capturedAt ?? '2026-11-23T09:00:01.000Z';
  const m = over.mention ?? sampleMention();
  const statement: EvidenceStatement = {
    format: EVIDENCE_FORMAT,
    capturedAt,
    pageUrl: m.url,
    mention: m,
    image: { type: 'image/png', width: 3, height: 2 },
    view: {
      box: { x: 10, y: 20, width: 3, height: 2 },
      viewport: { width: 1280, height: 720 },
      devicePixelRatio: 1,
      scale: 1,
      crop: { x: 10, y: 20, width: 3, height: 2 },
    },
    partial: false,
    notes: [],
  };
  const json = canonicalJson(statement);
  const row: StoredEvidence = {
    id: over.id ?? crypto.randomUUID(),
    caseId: null,
    mentionId: null,
    capturedAt,
    pageUrl: m.url,
    image: new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    width: 3,
    height: 2,
    partial: false,
    notes: [],
    json,
    sha256: await evidenceSha256(png, json),
  };
  return { ...row, png, row };
}
