import { extractCapture } from '../extract/index';
import type { CaptureOutcome, CaptureOptions } from './outcome';
import { measureRemembered, rememberElement } from './view';
import { urlKey } from '../domain/url-key';
import { menuTargetElement } from '../browser-compat/menu-target';

/** Set by the injector just before the capture script runs (in the isolated world, not the page's). */
declare global {
  var __complaintCaptureOptions: CaptureOptions | undefined;
}

/**
 * Runs inside the page: extracts the mention, and reports where the post it was read from is on
 * screen (for the evidence image). Never throws: a failure is an outcome too.
 */
export function runCapture(): CaptureOutcome {
  const opts = globalThis.__complaintCaptureOptions ?? {};
  globalThis.__complaintCaptureOptions = undefined;
  try {
    const selection = opts.useSelection === false ? null : String(globalThis.getSelection?.() ?? '').trim() || null;
    // A link to a post shown on this very page: capture that post where the page shows it.
    const shown = opts.linkUrl ? permalinkOnPage(opts.linkUrl) : null;
    const { mention, element } = extractCapture(document, {
      url: location.href,
      selection,
      target: shown ?? targetOf(opts),
      linkUrl: shown ? null : (opts.linkUrl ?? null),
    });
    return { ok: true, mention, view: viewOf(element) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), url: location.href, title: document.title };
  }
}

/** The element the agent means: the right-clicked one (context menu), or the one in view (shortcut). */
function targetOf(opts: CaptureOptions): Element | null {
  if (opts.targetElementId !== undefined) {
    // Firefox names the right-clicked element exactly.
    const el = menuTargetElement(opts.targetElementId);
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

/**
 * Another link on this page to the same post as `linkUrl` (its permalink, e.g. a comment's date or a
 * tweet's time), not the right-clicked link itself: the post holding it is the one the link means.
 */
function permalinkOnPage(linkUrl: string): Element | null {
  let key: string;
  try {
    key = urlKey(new URL(linkUrl, location.href).href);
  } catch {
    return null;
  }
  const hovered = [...document.querySelectorAll(':hover')].pop();
  for (const a of document.querySelectorAll('a[href]')) {
    if (hovered && (a === hovered || a.contains(hovered))) continue;
    if (urlKey((a as HTMLAnchorElement).href) === key) return a;
  }
  return null;
}

/** The box of the element the mention was read from; a failure here never costs the mention. */
function viewOf(element: Element | null) {
  try {
    return measureRemembered(rememberElement(element));
  } catch {
    return null;
  }
}
