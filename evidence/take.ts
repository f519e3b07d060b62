import type { EvidenceMissing } from '../domain/evidence-missing';
import { canonicalJson } from '../domain/canonical-json';
import { EVIDENCE_FORMAT, EVIDENCE_IMAGE_TYPE, type EvidenceStatement, type StoredEvidence } from '../domain/evidence';
import { evidenceSha256 } from '../domain/evidence-hash';
import type { Mention } from '../domain/mention';
import { planCrop } from './crop';
import { dataUrlBytes, pngSize, type ImageTools } from './image';
import { isRateLimited, type CapturePacer } from './pacer';

/** The parts of a tab the job reads (tabs.get). */
export interface TabInfo {
  windowId?: number;
  active?: boolean;
  url?: string;
}

/** What the job needs of the browser; background/evidence.ts gives the real ones, tests their own. */
export interface EvidenceDeps {
  getTab(tabId: number): Promise<TabInfo>;
  /** The captured element's box now, measured in the tab (capture/view.ts), as the page reports it. */
  measure(tabId: number, token: string): Promise<unknown>;
  /** tabs.captureVisibleTab of that window, as a PNG data URL. */
  captureVisible(windowId: number): Promise<string>;
  image: ImageTools;
  pacer: CapturePacer;
  now(): Date;
}

/** What a capture leaves for its evidence: the tab, the mention as extracted, the element's token. */
export interface Seed {
  tabId: number;
  mention: Mention;
  token: string;
  /** The page's address when the mention was read. */
  url: string;
}

export type TakeOutcome = { ok: true; record: StoredEvidence } | { ok: false; missing: EvidenceMissing };

/** Tries of a capture the browser refused for its rate limit, one second apart. */
const RATE_LIMIT_TRIES = 4;

/**
 * Takes the image of a captured post: checks that the captured tab is still the one in front in
 * its window and still shows that page, measures the post again (the agent may have scrolled),
 * captures that window's visible tab (never another tab or window), cuts the post's box out,
 * and builds the record with its canonical JSON and SHA-256. Never throws: what went wrong is the
 * outcome, as a reason for the case's history.
 */
export async function takeEvidence(id: string, seed: Seed, deps: EvidenceDeps): Promise<TakeOutcome> {
  let shot: { png: Uint8Array; measured: unknown; url: string; at: Date };
  try {
    const got = await deps.pacer.run(() => shoot(seed, deps));
    if ('missing' in got) return { ok: false, missing: got.missing };
    shot = got;
  } catch (e) {
    return { ok: false, missing: { reason: 'no_image', detail: e instanceof Error ? e.message : String(e) } };
  }
  try {
    const size = pngSize(shot.png);
    const plan = planCrop(shot.measured, size);
    const whole = plan.crop.width === size.width && plan.crop.height === size.height;
    const png = whole ? shot.png : await deps.image.cut(shot.png, plan.crop);
    const capturedAt = shot.at.toISOString();
    const statement: EvidenceStatement = {
      format: EVIDENCE_FORMAT,
      capturedAt,
      pageUrl: shot.url,
      mention: seed.mention,
      image: { type: EVIDENCE_IMAGE_TYPE, width: plan.crop.width, height: plan.crop.height },
      view: {
        box: plan.box,
        viewport: plan.viewport,
        devicePixelRatio: plan.devicePixelRatio,
        scale: plan.scale,
        crop: plan.crop,
      },
      partial: plan.partial,
      notes: plan.notes,
    };
    const json = canonicalJson(statement);
    return {
      ok: true,
      record: {
        id,
        caseId: null,
        mentionId: null,
        capturedAt,
        pageUrl: shot.url,
        image: new Blob([png as Uint8Array<ArrayBuffer>], { type: EVIDENCE_IMAGE_TYPE }),
        width: plan.crop.width,
        height: plan.crop.height,
        partial: plan.partial,
        notes: plan.notes,
        json,
        sha256: await evidenceSha256(png, json),
      },
    };
  } catch (e) {
    return { ok: false, missing: { reason: 'cut_failed', detail: e instanceof Error ? e.message : String(e) } };
  }
}

/** The paced part: the checks right before the capture, the capture, and the check right after. */
async function shoot(
  seed: Seed,
  deps: EvidenceDeps,
): Promise<{ png: Uint8Array; measured: unknown; url: string; at: Date } | { missing: EvidenceMissing }> {
  const tab = await deps.getTab(seed.tabId).catch(() => null);
  if (!tab || tab.windowId === undefined) return { missing: { reason: 'tab_closed' } };
  if (!tab.active) return { missing: { reason: 'tab_not_front' } };
  const measured = await deps.measure(seed.tabId, seed.token).catch(() => null);
  const url = measured && typeof measured === 'object' ? (measured as { url?: unknown }).url : null;
  if (!measured) return { missing: { reason: 'post_gone' } };
  if (url !== seed.url) return { missing: { reason: 'page_changed' } };
  let dataUrl: string | null = null;
  for (let i = 1; dataUrl === null; i++) {
    try {
      dataUrl = await deps.captureVisible(tab.windowId);
    } catch (e) {
      if (!isRateLimited(e) || i >= RATE_LIMIT_TRIES) throw e;
      await deps.pacer.backOff();
    }
  }
  const at = deps.now();
  // The agent may have switched tabs while the capture ran: then the image may show another tab.
  const after = await deps.getTab(seed.tabId).catch(() => null);
  if (!after?.active || after.windowId !== tab.windowId || after.url !== tab.url)
    return { missing: { reason: 'tab_changed' } };
  return { png: dataUrlBytes(dataUrl), measured, url: tab.url ?? seed.url, at };
}
