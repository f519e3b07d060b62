import { DM_OFF, extractAll, extractCapture } from '../extract/index';
import { isPrivateConversation } from '../extract/platforms/platforms';
import { inPrivateConversation } from '../extract/private-conversation';
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
    // Not a web page (about:blank, a browser page): nothing here is a post, and no address may be made up.
    if (!/^https?:$/.test(location.protocol))
      return { ok: false, error: 'not a web page', url: location.href, title: document.title };
    // A private conversation is refused before anything of the page is looked at.
    if (!opts.readPrivate && isPrivateConversation(new URL(location.href))) return refusal();
    if (opts.all) {
      const all = extractAll(document, { url: location.href, selection: null, target: null, linkUrl: null });
      return { ok: true, mention: all[0]!, all };
    }
    // A link to a post shown on this very page: capture that post where the page shows it.
    const shown = opts.linkUrl ? permalinkOnPage(opts.linkUrl) : null;
    const target = shown ?? targetOf(opts);
    // A conversation open over another page (X's message drawer) is as private as its own page.
    const anchor = opts.useSelection === false ? null : globalThis.getSelection?.()?.anchorNode;
    if (!opts.readPrivate && (inPrivateConversation(target) || inPrivateConversation(anchor))) return refusal();
    const selection = opts.useSelection === false ? null : String(globalThis.getSelection?.() ?? '').trim() || null;
    let element: Element | null = null;
    const read = extractCapture(
      document,
      {
        url: location.href,
        selection,
        target,
        linkUrl: shown ? null : (opts.linkUrl ?? null),
        readPrivate: opts.readPrivate === true,
        dmLast: opts.dmLast,
      },
      (el) => (element = el),
    );
    if (read.refused) return refusal();
    // No evidence image of a private conversation: the visible page shows the agent's other chats.
    const view = read.mention.kind === 'dm' ? null : viewOf(element);
    return { ok: true, mention: read.mention, also: read.also, dm: read.dm, view };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), url: location.href, title: document.title };
  }
}

/** Nothing was read. Not even the title: on X it names the person the agent is writing with. */
function refusal(): CaptureOutcome {
  return { ok: false, error: DM_OFF, url: location.href, title: '', refused: 'dm-off' };
}

/** The deepest element at a point or under the pointer, inside open shadow roots too (X's chat lives in one). */
function deepest(el: Element | null, inner: (root: ShadowRoot) => Element | null): Element | null {
  for (let i = 0; i < 8 && el?.shadowRoot; i++) {
    const next = inner(el.shadowRoot);
    if (!next || next === el) break;
    el = next;
  }
  return el;
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
    const last = (root: ParentNode) => [...root.querySelectorAll(':hover')].pop() ?? null;
    return deepest(last(document), last);
  }
  if (opts.inView) {
    const at = (root: DocumentOrShadowRoot) => root.elementFromPoint(innerWidth / 2, innerHeight / 2);
    return deepest(at(document), at);
  }
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
