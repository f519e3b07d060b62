import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SLA_HOURS } from '../../domain/sla';
import type { ExportFile } from '../../domain/export-file';
import { fromBase64, toBase64 } from '../../domain/evidence-hash';
import { claimEvidence, dropUnclaimedEvidence, evidenceOfCase, putPendingEvidence } from '../../storage/evidence';
import { exportJson, importJson } from '../../storage/export-import';
import { purgeOldMentions } from '../../storage/retention';
import { saveCapture } from '../../storage/save-capture';
import { readSettings, settingsItem } from '../../storage/settings';
import { sampleEvidence } from '../evidence/fixtures';
import { freshDb, mention, review } from '../helpers';

async function savedWithEvidence(db = freshDb()) {
  const saved = await saveCapture(db, { mention: mention(), review, agent: 'Sanne', syncEnabled: false });
  const e = await sampleEvidence();
  await putPendingEvidence(db, e.row);
  await claimEvidence(db, { evidenceId: e.id, ...saved, syncEnabled: false });
  return { db, saved, e };
}

describe('evidence in the database', () => {
  it('is kept as a Blob with the case, claimed once', async () => {
    const { db, saved, e } = await savedWithEvidence();
    const [row] = await evidenceOfCase(db, saved.caseId);
    expect(row!.image).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await row!.image.arrayBuffer())]).toEqual([...e.png]);
    expect(await claimEvidence(db, { evidenceId: e.id, caseId: 'other', mentionId: 'm', syncEnabled: false })).toBe(
      'already',
    );
    expect(await claimEvidence(db, { evidenceId: 'nope', ...saved, syncEnabled: false })).toBe('missing');
  });

  it('drops records no saved capture claimed within a day, and only those', async () => {
    const { db, e } = await savedWithEvidence();
    const stray = await sampleEvidence({ capturedAt: '2026-11-20T09:00:00.000Z' });
    await putPendingEvidence(db, stray.row);
    const fresh = await sampleEvidence({ capturedAt: '2026-11-23T08:00:00.000Z' });
    await putPendingEvidence(db, fresh.row);
    expect(await dropUnclaimedEvidence(db, Date.parse('2026-11-23T09:00:00Z'))).toBe(1);
    expect((await db.evidence.toArray()).map((r) => r.id).sort()).toEqual([e.id, fresh.id].sort());
  });

  it('goes with its mention when retention purges it', async () => {
    const { db } = await savedWithEvidence();
    expect(await purgeOldMentions(db, 30, new Date('2027-06-01T00:00:00Z'))).toBe(1);
    expect(await db.evidence.count()).toBe(0);
  });
});

describe('evidence in the JSON export', () => {
  it('carries the image as base64 with its hash, and an import round-trips it (checked)', async () => {
    const { db, e } = await savedWithEvidence();
    const file = await exportJson(db);
    expect(file.evidence).toHaveLength(1);
    expect(file.evidence![0]).toMatchObject({ sha256: e.sha256, json: e.json, image: { base64: toBase64(e.png) } });
    const other = freshDb();
    expect(await importJson(other, JSON.stringify(file))).toMatchObject({ ok: true, cases: 1, mentions: 1 });
    const [row] = await other.evidence.toArray();
    expect(row).toMatchObject({ id: e.id, sha256: e.sha256, caseId: file.cases[0]!.id });
    expect([...new Uint8Array(await row!.image.arrayBuffer())]).toEqual([...e.png]);
    // Export again from the imported copy: the same record, byte for byte.
    expect((await exportJson(other)).evidence).toEqual(file.evidence);
  });

  it('refuses the whole file when one byte of an image, or its JSON, no longer matches the hash', async () => {
    const { db } = await savedWithEvidence();
    const file: ExportFile = await exportJson(db);
    const png = fromBase64(file.evidence![0]!.image.base64);
    png[png.length - 5] = png[png.length - 5]! ^ 0xff;
    const tampered = {
      ...file,
      evidence: [{ ...file.evidence![0]!, image: { type: 'image/png', base64: toBase64(png) } }],
    };
    const other = freshDb();
    expect(await importJson(other, JSON.stringify(tampered))).toEqual({
      ok: false,
      error: {
        code: 'import_evidence_mismatch',
        params: { where: 'evidence.0', detail: 'the SHA-256 does not match its image and JSON' },
      },
    });
    const json = {
      ...file,
      evidence: [{ ...file.evidence![0]!, json: file.evidence![0]!.json.replace('Marloes', 'Marlies') }],
    };
    expect(await importJson(other, JSON.stringify(json))).toMatchObject({ ok: false });
    const lying = { ...file, evidence: [{ ...file.evidence![0]!, partial: true }] };
    expect(await importJson(other, JSON.stringify(lying))).toEqual({
      ok: false,
      error: {
        code: 'import_evidence_mismatch',
        params: { where: 'evidence.0', detail: 'its partial differs from what its JSON says' },
      },
    });
    expect(await other.cases.count()).toBe(0);
    expect(await other.evidence.count()).toBe(0);
  });

  it('still imports an export from before evidence existed', async () => {
    const { db } = await savedWithEvidence();
    const { evidence: _, ...old } = await exportJson(db);
    expect(await importJson(freshDb(), JSON.stringify(old))).toMatchObject({ ok: true, cases: 1 });
  });
});

describe('the evidence setting', () => {
  it('is on by default, and settings stored before it existed (version 1) gain it, keeping the rest', async () => {
    expect((await readSettings()).evidence).toBe(true);
    await fakeBrowser.storage.local.set({
      settings: { agentName: 'Sanne', backend: 'http', backendUrl: 'https://cases.example' },
    });
    // A fresh copy of the module defines the item again, as an upgraded extension does at start.
    vi.resetModules();
    const { settingsItem: item } = await import('../../storage/settings');
    expect(await item.getValue()).toEqual({
      agentName: 'Sanne',
      backend: 'http',
      backendUrl: 'https://cases.example',
      dmCapture: false,
      brandAccounts: [],
      slaHours: DEFAULT_SLA_HOURS,
      protocols: {},
      evidence: true,
    });
    expect(await item.getMeta()).toEqual({ v: 4 });
    await settingsItem.setValue({ ...(await readSettings()), evidence: false });
    expect((await readSettings()).evidence).toBe(false);
  });

  it('comes on for settings written at version 2 (with the DM switch), which stays as it was', async () => {
    await fakeBrowser.storage.local.set({
      settings: { agentName: 'Bram', backend: 'none', backendUrl: '', dmCapture: true },
      settings$: { v: 2 },
    });
    vi.resetModules();
    const { settingsItem: item } = await import('../../storage/settings');
    expect(await item.getValue()).toMatchObject({ agentName: 'Bram', dmCapture: true, evidence: true });
    expect(await item.getMeta()).toEqual({ v: 4 });
  });

  it('comes on for settings written at version 3 (brand accounts, SLA hours, protocols), keeping every field as stored', async () => {
    const v3 = { agentName: 'Anna', backend: 'none', backendUrl: '', dmCapture: false, slaHours: { high: 4 } };
    await fakeBrowser.storage.local.set({ settings: v3, settings$: { v: 3 } });
    vi.resetModules();
    const { settingsItem: item } = await import('../../storage/settings');
    expect(await item.getValue()).toEqual({ ...v3, evidence: true });
    expect(await item.getMeta()).toEqual({ v: 4 });
  });
});
