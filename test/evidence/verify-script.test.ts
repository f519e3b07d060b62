import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../domain/evidence-hash';
import { claimEvidence, putPendingEvidence } from '../../storage/evidence';
import { exportJson } from '../../storage/export-import';
import { saveCapture } from '../../storage/save-capture';
import { freshDb, mention, review } from '../helpers';
import { sampleEvidence } from './fixtures';

function verify(file: unknown): { code: number | null; out: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'cc-verify-')), 'export.json');
  writeFileSync(path, typeof file === 'string' ? file : JSON.stringify(file));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-evidence.ts', path], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('npm run verify-evidence', () => {
  it('passes an export, and names the one record whose image lost a byte (exit 1)', async () => {
    const db = freshDb();
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const m = mention({ url: `https://x.com/marloesdv/status/${n}`, postId: String(n) });
      const saved = await saveCapture(db, { mention: m, review, agent: 'Sanne', syncEnabled: false });
      const e = await sampleEvidence({ mention: m });
      await putPendingEvidence(db, e.row);
      await claimEvidence(db, { evidenceId: e.id, ...saved, syncEnabled: false });
      ids.push(e.id);
    }
    const file = await exportJson(db);
    const ok = verify(file);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('2 of 2 evidence records verified');

    const i = file.evidence!.findIndex((e) => e.id === ids[1]);
    const png = fromBase64(file.evidence![i]!.image.base64);
    png[20] = png[20]! ^ 1;
    file.evidence![i] = { ...file.evidence![i]!, image: { type: 'image/png', base64: toBase64(png) } };
    const bad = verify(file);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`MISMATCH evidence ${i} (${ids[1]}): the SHA-256 does not match its image and JSON`);
    expect(bad.out).toContain('1 of 2 evidence records verified, 1 do not match');
    expect(bad.out).not.toContain(`MISMATCH evidence ${1 - i}`);
  });

  it('says so, with exit 2, for a file that is not an export', () => {
    expect(verify('not json').code).toBe(2);
    expect(verify({ format: 'something else' }).out).toMatch(/not a Complaint Capture JSON export/);
  });
});
