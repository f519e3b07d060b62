import { describe, expect, it } from 'vitest';
import { isCanonicalJson } from '../../domain/canonical-json';
import { EvidenceStatementSchema } from '../../domain/evidence';
import type { EvidenceMissingReason } from '../../domain/evidence-missing';
import { evidenceSha256, toBase64 } from '../../domain/evidence-hash';
import { pngSize } from '../../evidence/image';
import { CapturePacer } from '../../evidence/pacer';
import { createEvidenceService } from '../../evidence/service';
import { takeEvidence, type EvidenceDeps, type Seed, type TabInfo } from '../../evidence/take';
import { mention } from '../helpers';
import { tinyPng } from './fixtures';

const URL_ = 'https://x.com/marloesdv/status/1790000000000000001';
const TOKEN = 'a'.repeat(32);

/** A browser in memory: one window with the captured tab in front, and a clock sleeps move on. */
function fakeBrowser(over: { tab?: TabInfo; after?: TabInfo; measured?: unknown; refuse?: number } = {}) {
  const t = { now: 1_000_000 };
  const calls: { at: number; window: number }[] = [];
  const tabs = [over.tab ?? { windowId: 7, active: true, url: URL_ }, over.after];
  let gets = 0;
  let refusals = over.refuse ?? 0;
  const deps: EvidenceDeps = {
    getTab: async () => (gets++ % 2 === 1 && tabs[1] ? tabs[1] : tabs[0]!),
    measure: async () =>
      over.measured !== undefined
        ? over.measured
        : {
            token: TOKEN,
            box: { x: 100, y: 200, width: 300, height: 120 },
            viewport: { width: 1280, height: 720 },
            devicePixelRatio: 1,
            url: URL_,
          },
    captureVisible: async (windowId) => {
      calls.push({ at: t.now, window: windowId });
      if (refusals-- > 0) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      return `data:image/png;base64,${toBase64(tinyPng(1280, 720))}`;
    },
    image: { cut: async (_png, r) => tinyPng(r.width, r.height) },
    pacer: new CapturePacer(
      550,
      () => t.now,
      async (ms) => void (t.now += ms),
    ),
    now: () => new Date(t.now),
  };
  return { deps, calls, t };
}

const seed = (): Seed => ({ tabId: 3, mention: mention(), token: TOKEN, url: URL_ });

describe('taking the evidence of a capture', () => {
  it('captures the captured tab’s window, cuts the post’s box, and hashes the PNG with the canonical JSON', async () => {
    const b = fakeBrowser();
    const r = await takeEvidence('e1', seed(), b.deps);
    if (!r.ok) throw new Error(r.missing.reason);
    expect(b.calls.map((c) => c.window)).toEqual([7]);
    const png = new Uint8Array(await r.record.image.arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 300, height: 120 });
    expect(r.record).toMatchObject({ width: 300, height: 120, partial: false, notes: [], caseId: null, pageUrl: URL_ });
    expect(isCanonicalJson(r.record.json)).toBe(true);
    const statement = EvidenceStatementSchema.parse(JSON.parse(r.record.json));
    expect(statement.mention).toEqual(JSON.parse(JSON.stringify(mention())));
    expect(statement.view.crop).toEqual({ x: 100, y: 200, width: 300, height: 120 });
    expect(r.record.sha256).toBe(await evidenceSha256(png, r.record.json));
  });

  const refused: [string, Parameters<typeof fakeBrowser>[0], EvidenceMissingReason][] = [
    ['another tab is in front', { tab: { windowId: 7, active: false, url: URL_ } }, 'tab_not_front'],
    ['the post left the page', { measured: null }, 'post_gone'],
    ['the page navigated', { measured: { token: TOKEN, box: null, url: 'https://x.com/home' } }, 'page_changed'],
    ['the agent switched tabs during the capture', { after: { windowId: 7, active: false, url: URL_ } }, 'tab_changed'],
  ];
  for (const [name, over, why] of refused)
    it(`takes no image when ${name}`, async () => {
      const r = await takeEvidence('e1', seed(), fakeBrowser(over).deps);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.missing).toEqual({ reason: why });
    });

  it('a hostile box still gives an image and a note, never an error', async () => {
    const measured = {
      token: TOKEN,
      box: { x: Number.NaN, y: -1e9, width: -5, height: 1e12 },
      viewport: { width: 1280, height: 720 },
      devicePixelRatio: 1,
      url: URL_,
    };
    const r = await takeEvidence('e1', seed(), fakeBrowser({ measured }).deps);
    if (!r.ok) throw new Error(r.missing.reason);
    expect(r.record).toMatchObject({ width: 1280, height: 720, notes: ['box-invalid'] });
  });

  it('a burst of captures waits its turn (one call per 550 ms) instead of failing, and waits out a refusal', async () => {
    const b = fakeBrowser({ refuse: 1 });
    const results = await Promise.all([1, 2, 3, 4].map((i) => takeEvidence(`e${i}`, seed(), b.deps)));
    expect(results.every((r) => r.ok)).toBe(true);
    const gaps = b.calls.slice(1).map((c, i) => c.at - b.calls[i]!.at);
    expect(b.calls).toHaveLength(5);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(550);
  });
});

describe('the evidence service', () => {
  it('takes the image once however often asked, and links it to the saved case with an outbox entry', async () => {
    const { freshDb, review } = await import('../helpers');
    const { saveCapture } = await import('../../storage/save-capture');
    const db = freshDb();
    const b = fakeBrowser();
    const svc = createEvidenceService(db, b.deps, async () => true);
    const id = await svc.seed(3, { mention: mention(), view: { token: TOKEN, url: URL_ } });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await Promise.all([svc.take(id!), svc.take(id!)]);
    expect(b.calls).toHaveLength(1);
    const saved = await saveCapture(db, { mention: mention(), review, agent: 'Sanne', syncEnabled: true });
    await svc.link(id!, { ...saved, syncEnabled: true });
    expect(await db.evidence.get(id!)).toMatchObject({ caseId: saved.caseId, mentionId: saved.mentionId });
    expect((await db.outbox.orderBy('id').toArray()).map((e) => e.op)).toEqual(['create', 'evidence']);
  });

  it('says in the case’s history when no image could be kept, and keeps nothing when switched off', async () => {
    const { freshDb, review } = await import('../helpers');
    const { saveCapture } = await import('../../storage/save-capture');
    const db = freshDb();
    const svc = createEvidenceService(
      db,
      fakeBrowser({ tab: { windowId: 7, active: false, url: URL_ } }).deps,
      async () => true,
    );
    const id = await svc.seed(3, { mention: mention(), view: { token: TOKEN, url: URL_ } });
    const saved = await saveCapture(db, { mention: mention(), review, agent: 'Sanne', syncEnabled: false });
    await svc.link(id!, { ...saved, syncEnabled: false });
    // A line with a code, worded in the agent's language where it is shown (components/log-words.ts).
    expect((await db.cases.get(saved.caseId))!.log.at(-1)).toMatchObject({
      code: 'evidence_missing',
      params: { reason: 'tab_not_front' },
    });
    expect(await db.evidence.count()).toBe(0);
    const off = createEvidenceService(db, fakeBrowser().deps, async () => false);
    expect(await off.seed(3, { mention: mention(), view: { token: TOKEN, url: URL_ } })).toBeNull();
    // A page that gave no view of its post (unreadable, or a forged token) gets no evidence either.
    expect(await svc.seed(3, { mention: mention(), view: { token: '<script>', url: URL_ } })).toBeNull();
  });

  it('keeps no image of a direct message, even with evidence on and a valid view of it', async () => {
    const { freshDb } = await import('../helpers');
    const b = fakeBrowser();
    const svc = createEvidenceService(freshDb(), b.deps, async () => true);
    const dm = mention({ kind: 'dm', url: 'https://x.com/messages/1-2' });
    expect(await svc.seed(3, { mention: dm, view: { token: TOKEN, url: dm.url } })).toBeNull();
    expect(await svc.seed(3, { mention: mention(), view: { token: TOKEN, url: URL_ } })).not.toBeNull();
    expect(b.calls).toHaveLength(0);
  });
});
