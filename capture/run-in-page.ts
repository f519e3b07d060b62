import { extractMention } from '../extract/index';
import type { CaptureOutcome, CaptureOptions } from './outcome';

/** Set by the injector just before the capture script runs (in the isolated world, not the page's). */
declare global {
  var __complaintCaptureOptions: CaptureOptions | undefined;
}

/** Runs inside the page: extracts the mention and never throws (a failure is an outcome too). */
export function runCapture(): CaptureOutcome {
  const opts = globalThis.__complaintCaptureOptions ?? {};
  globalThis.__complaintCaptureOptions = undefined;
  try {
    const selection = opts.useSelection === false ? null : String(globalThis.getSelection?.() ?? '').trim() || null;
    const mention = extractMention(document, { url: location.href, selection, linkUrl: opts.linkUrl ?? null });
    return { ok: true, mention };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), url: location.href, title: document.title };
  }
}
