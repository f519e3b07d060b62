import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, eventually, runsIn, type BrowserDriver, type E2EPage } from './driver';
import { startBackend, type Backend } from './backend';
import { EVIDENCE_COLOUR } from './pages/evidence-pages';
import {
  connectBackend,
  evidenceRows,
  expectAccessible,
  exportJsonFrom,
  openPanel,
  openRow,
  openPopup,
  openPopupWindow,
  reportViaMenu,
  rows,
  save,
} from './steps';

/** The post's box on screen (CSS px) and the screen's devicePixelRatio, as the page itself sees them. */
const postBox = (page: E2EPage) =>
  page.evaluate(() => {
    const r = document.querySelector('article')!.getBoundingClientRect();
    return {
      x: r.left,
      y: r.top,
      width: r.width,
      height: r.height,
      dpr: devicePixelRatio,
      vw: innerWidth,
      vh: innerHeight,
    };
  }, null);

/** Opens a fixture post in a tab in front, captures it from the toolbar popup and saves. */
async function captureShape(driver: BrowserDriver, origin: string, shape: string) {
  const { page, tabId } = await driver.openTab(`${origin}/generated/evidence-${shape}.html`);
  await page.bringToFront();
  const box = await postBox(page);
  const popup = await openPopupWindow(driver, tabId);
  await save(popup);
  await popup.close();
  return { page, tabId, box };
}

/** Runs `npm run verify-evidence` on an export's text. */
function verify(text: string): { code: number | null; out: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'cc-evidence-')), 'export.json');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-evidence.ts', file], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1;

test(
  'keeps an image of the post as seen (its box × devicePixelRatio), shows it in the side panel, and exports it verifiably',
  runsIn('chromium', 'firefox'),
  async ({ driver, pages }) => {
    const { tabId, box } = await captureShape(driver, pages.origin, 'plain');
    await eventually(async () => (await evidenceRows(driver)).filter((e) => e.caseId).length).toBe(1);
    const [e] = await evidenceRows(driver);
    const [kase] = await rows<{ id: string; mentionIds: string[] }>(driver, 'cases');
    expect([e!.caseId, e!.mentionId]).toEqual([kase!.id, kase!.mentionIds[0]]);
    console.log(
      `evidence (${driver.engine}): image ${e!.png.width}×${e!.png.height} px for a post box of ${box.width}×${box.height} CSS px at devicePixelRatio ${box.dpr}; sha256 ${e!.sha256}`,
    );
    expect(near(e!.png.width, box.width * box.dpr) && near(e!.png.height, box.height * box.dpr)).toBe(true);
    expect([e!.width, e!.height]).toEqual([e!.png.width, e!.png.height]);
    expect(e).toMatchObject({ partial: false, notes: [] });
    // The crop is where the post is: its centre has the post's colour, not the white page's.
    for (const [i, c] of e!.png.centre.entries()) expect(Math.abs(c - EVIDENCE_COLOUR[i]!)).toBeLessThanOrEqual(4);

    // The queue pins the page's own case; its open detail shows the evidence.
    const panel = await openPanel(driver, tabId);
    await openRow(panel);
    const thumb = '[data-testid=case-detail] [data-testid=evidence-open] img';
    await eventually(() => panel.count(thumb)).toBe(1);
    expect(await panel.attribute(thumb, 'alt')).toMatch(/^Image of the post as it was on screen at /);
    await expectAccessible(panel);
    await panel.click('[data-testid=evidence-open]');
    await eventually(() =>
      panel.evaluate(() => (document.querySelector('[data-testid=evidence-dialog]') as HTMLDialogElement).open, null),
    ).toBe(true);
    await eventually(() =>
      panel.evaluate(
        () => (document.querySelector('[data-testid=evidence-full]') as HTMLImageElement).naturalWidth,
        null,
      ),
    ).toBe(e!.width);
    expect(await panel.text('[data-testid=evidence-hash]')).toContain(e!.sha256);
    await expectAccessible(panel);
    await panel.clickButton('Close');
    await eventually(() =>
      panel.evaluate(() => (document.querySelector('[data-testid=evidence-dialog]') as HTMLDialogElement).open, null),
    ).toBe(false);

    const text = await exportJsonFrom(panel);
    const file = JSON.parse(text) as { evidence: { id: string; sha256: string; image: { base64: string } }[] };
    expect(file.evidence.map((x) => [x.id, x.sha256])).toEqual([[e!.id, e!.sha256]]);
    const ok = verify(text);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('1 of 1 evidence records verified');
    // One byte of the image changed: the record is named, the exit code says so.
    const png = Buffer.from(file.evidence[0]!.image.base64, 'base64');
    const mid = png.length >> 1;
    png[mid] = png[mid]! ^ 0x01;
    file.evidence[0]!.image.base64 = png.toString('base64');
    const bad = verify(JSON.stringify(file));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`MISMATCH evidence 0 (${e!.id}): the SHA-256 does not match its image and JSON`);
  },
);

// The context menu on one comment: the image is of that comment, not of the post above it.
test(
  'the context menu keeps the image of the comment it captured',
  runsIn('chromium', 'firefox'),
  async ({ driver, pages }) => {
    const { page, tabId } = await driver.openTab(`${pages.origin}/blog-comments.html`);
    await page.bringToFront();
    const click = await page.rightClick('#comment-14 .comment-content p');
    const boxes = await page.evaluate(
      () =>
        ['#comment-14', '#div-comment-14'].map((s) => {
          const r = document.querySelector(s)!.getBoundingClientRect();
          return [Math.round(r.width * devicePixelRatio), Math.round(r.height * devicePixelRatio)];
        }),
      null,
    );
    await save(await reportViaMenu(driver, tabId, click));
    await eventually(async () => (await evidenceRows(driver)).filter((e) => e.caseId).length).toBe(1);
    const [e] = await evidenceRows(driver);
    // The comment's own box (its list item or its article, whichever the extractor read), within a pixel.
    expect(boxes.some(([w, h]) => near(e!.png.width, w!) && near(e!.png.height, h!))).toBe(true);
    const [m] = await rows<{ id: string; kind: string }>(driver, 'mentions');
    expect([m!.kind, e!.mentionId]).toEqual(['comment', m!.id]);
  },
);

test.describe('with the reference backend', () => {
  let backend: Backend;
  test.beforeAll(async () => {
    backend = await startBackend();
  });
  test.afterAll(async () => backend?.stop());

  test(
    'sends the evidence once after its case, and the backend holds the same hash, also when the upload’s answer is lost',
    runsIn('chromium', 'firefox'),
    async ({ driver, pages }) => {
      await backend.setFaults({ dropEvidenceAfterStoreRate: 1 });
      await connectBackend(driver, backend, 'Sanne');
      await captureShape(driver, pages.origin, 'plain');
      await eventually(async () => (await rows(driver, 'outbox')).length, 60_000).toBe(0);
      const [kase] = await rows<{ syncState: string; backend: { id: string } | null }>(driver, 'cases');
      expect(kase!.syncState).toBe('sent');
      const [e] = await evidenceRows(driver);
      const answer = await fetch(`${backend.url}/api/cases/${kase!.backend!.id}/evidence`, {
        headers: { Authorization: `Bearer ${backend.token}` },
      });
      const held = ((await answer.json()) as { evidence: { sha256: string; by: string }[] }).evidence;
      const faults = (await backend.stats()).faults;
      console.log(
        `evidence sync (${driver.engine}): copies on the backend ${held.length}, answers dropped ${faults.droppedEvidenceAfterStore}, sha256 ${held[0]?.sha256}`,
      );
      expect(held.map((x) => x.sha256)).toEqual([e!.sha256]);
      expect(faults.droppedEvidenceAfterStore).toBeGreaterThanOrEqual(1);
      await backend.setFaults({ dropEvidenceAfterStoreRate: 0 });
    },
  );
});

// A hostile page shapes its post as it likes: the crop stays inside the captured image and the
// record says what happened; the capture itself never fails.
test(
  'a tall, huge, partly negative or off-screen post gives a clipped image and a note',
  runsIn('chromium'),
  async ({ driver, pages }) => {
    const expected: Record<string, { notes: string[]; partial: boolean }> = {
      tall: { notes: ['cut-bottom'], partial: true },
      huge: { notes: ['cut-bottom', 'cut-right'], partial: true },
      negative: { notes: ['cut-top', 'cut-left'], partial: true },
      offscreen: { notes: ['box-off-screen'], partial: false },
    };
    const seen: Record<string, { vw: number; vh: number; dpr: number }> = {};
    for (const shape of Object.keys(expected)) seen[shape] = (await captureShape(driver, pages.origin, shape)).box;
    await eventually(async () => (await evidenceRows(driver)).filter((e) => e.caseId).length, 30_000).toBe(4);
    const cases = await rows<{ id: string; log: { text: string; code?: string }[] }>(driver, 'cases');
    const mentions = await rows<{ id: string; title: string }>(driver, 'mentions');
    for (const e of await evidenceRows(driver)) {
      const shape = /\((\w+)\)/.exec(mentions.find((m) => m.id === e.mentionId)!.title)![1]!;
      const { vw, vh, dpr } = seen[shape]!;
      console.log(`evidence ${shape}: ${e.png.width}×${e.png.height} px, notes ${e.notes.join(', ')}`);
      expect({ notes: e.notes, partial: e.partial }).toEqual(expected[shape]);
      expect(e.png.width).toBeLessThanOrEqual(Math.round(vw * dpr));
      expect(e.png.height).toBeLessThanOrEqual(Math.round(vh * dpr));
      if (shape === 'offscreen')
        expect([e.png.width, e.png.height]).toEqual([Math.round(vw * dpr), Math.round(vh * dpr)]);
    }
    for (const c of cases) expect(c.log.filter((l) => l.code === 'evidence_missing')).toEqual([]);
  },
);

// The image is taken of the captured tab's window only, and only while that tab is in front there:
// a popup opened as a tab beside it (the agent moved on) gets no image of whatever is in front now.
test(
  'takes no image of another tab: the case says none was kept',
  runsIn('chromium', 'firefox'),
  async ({ driver, pages }) => {
    const { tabId } = await driver.openTab(`${pages.origin}/generated/evidence-plain.html`);
    await save(await openPopup(driver, tabId));
    // The history line is a code with its reason, worded in the agent's language where shown.
    await eventually(async () =>
      (await rows<{ log: { code?: string; params?: { reason?: string } }[] }>(driver, 'cases'))[0]?.log
        .filter((l) => l.code === 'evidence_missing')
        .map((l) => l.params?.reason),
    ).toEqual(['tab_not_front']);
    expect(await evidenceRows(driver)).toEqual([]);
    const panel = await openPanel(driver, tabId);
    await openRow(panel);
    await panel.click('[data-testid=history] summary');
    expect(await panel.text('[data-testid=history]')).toContain(
      'No image of the post was kept: the tab was no longer in front when the image was due',
    );
  },
);

test(
  'a burst of captures of one tab gets every image (captures wait their turn)',
  runsIn('chromium'),
  async ({ driver, pages }) => {
    const { page, tabId } = await driver.openTab(`${pages.origin}/generated/evidence-plain.html`);
    await page.bringToFront();
    const popups = [];
    for (let i = 0; i < 4; i++) popups.push(await openPopupWindow(driver, tabId));
    for (const p of popups) await save(p);
    await eventually(async () => (await evidenceRows(driver)).filter((e) => e.caseId).length, 30_000).toBe(4);
    const [kase] = await rows<{ log: { text: string; code?: string }[] }>(driver, 'cases');
    expect(kase!.log.filter((l) => l.code === 'evidence_missing')).toEqual([]);
  },
);

test('scales by a real devicePixelRatio of 2', runsIn('chromium'), async ({ launch, pages }) => {
  const driver = await launch('en-US', { deviceScaleFactor: 2 });
  const { box } = await captureShape(driver, pages.origin, 'plain');
  expect(box.dpr).toBe(2);
  await eventually(async () => (await evidenceRows(driver)).filter((e) => e.caseId).length).toBe(1);
  const [e] = await evidenceRows(driver);
  console.log(
    `evidence at devicePixelRatio 2: image ${e!.png.width}×${e!.png.height} px for ${box.width}×${box.height} CSS px`,
  );
  expect([e!.png.width, e!.png.height]).toEqual([box.width * 2, box.height * 2]);
  expect(e!.notes).toEqual([]);
});
