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
    const mention = extractMention(document, { url: location.href, selection, target: targetOf(opts), linkUrl: opts.linkUrl ?? null });
    return { ok: true, mention };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), url: location.href, title: document.title };
  }
}

/** The element the agent means: the right-clicked one (context menu), or the one in view (shortcut). */
function targetOf(opts: CaptureOptions): Element | null {
  if (opts.targetElementId !== undefined) {
    // Firefox names the right-clicked element exactly.
    type Menus = { getTargetElement?: (id: number) => Element | null };
    const api = (globalThis as { browser?: { menus?: Menus; contextMenus?: Menus } }).browser;
    const menus = api?.menus ?? api?.contextMenus;
    const el = menus?.getTargetElement?.(opts.targetElementId);
    if (el) return el;
  }
  if (opts.underPointer) {
    // Chrome has no target-element API, but the right-clicked element is still the deepest hovered one.
    const hovered = document.querySelectorAll(':hover');
    return hovered[hovered.length - 1] ?? null;
  }
  if (opts.inView) return document.elementFromPoint(innerWidth / 2, innerHeight / 2);
  return null;
}
