/** Which found post or comment the agent means, and what selection does to it. */
import type { Mention } from '../domain/mention';
import { finish, minimal, newDraft } from './draft';
import { textOf } from './dom/text';
import { parseUrl } from './dom/url';
import { pickExtractor } from './registry';
import type { CaptureRequest } from './index';
import type { Ctx, Draft, Extractor, Found } from './types';

const squash = (s: string) =>
  s
    .replace(/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]+/g, ' ')
    .trim()
    .toLowerCase();

/** Innermost found element containing the node (a reply inside a post's element wins). */
function containing(found: Found[], node: Node | null | undefined): Found | undefined {
  if (!node) return undefined;
  let best: Found | undefined;
  for (const f of found) {
    if (!f.el || !f.el.contains(node)) continue;
    if (!best || (best.el && best.el.contains(f.el))) best = f;
  }
  return best;
}

/** Same post? Compares host (x.com = twitter.com, www ignored), path without trailing slash. */
export function samePost(a: string | null, b: string | null): boolean {
  const ua = parseUrl(a);
  const ub = parseUrl(b);
  if (!ua || !ub) return false;
  const host = (u: URL) => u.hostname.replace(/^(www|mobile|old|new)\./, '').replace(/^twitter\.com$/, 'x.com');
  const path = (u: URL) => u.pathname.replace(/\/+$/, '').toLowerCase();
  const sid = (u: URL) => u.pathname.match(/\/status(?:es)?\/(\d+)/)?.[1];
  if (host(ua) === 'x.com' && host(ub) === 'x.com' && sid(ua) && sid(ua) === sid(ub)) return true;
  return host(ua) === host(ub) && path(ua) === path(ub) && (ua.hash === ub.hash || !ua.hash || !ub.hash);
}

function liveSelectionNode(doc: Document, selection: string): Node | null {
  try {
    const sel = doc.defaultView?.getSelection?.();
    if (!sel || !sel.anchorNode || !doc.contains(sel.anchorNode)) return null;
    return squash(String(sel)) === squash(selection) ? sel.anchorNode : null;
  } catch {
    return null;
  }
}

/** Found whose visible text contains the selection; the one with the least text is innermost. */
function bySelectionText(found: Found[], selection: string): Found | undefined {
  const want = squash(selection);
  let best: Found | undefined;
  let bestLen = Infinity;
  for (const f of found) {
    const hay = squash(f.el ? textOf(f.el, { limit: 2_000_000 }) : f.draft.text);
    if (hay.includes(want) && hay.length < bestLen) {
      best = f;
      bestLen = hay.length;
    }
  }
  return best;
}

export function choose(
  ctx: Ctx,
  ext: Extractor,
  found: Found[],
  req: CaptureRequest,
  fin: (d: Draft) => Mention,
  title: string | null,
  now: Date,
): Mention {
  const selection = req.selection?.trim() ? req.selection : null;
  if (req.linkUrl) {
    const hit = found.find((f) => samePost(f.key ?? f.draft.url, req.linkUrl ?? null));
    if (hit) return fin(hit.draft);
    const link = parseUrl(req.linkUrl);
    if (!link)
      return minimal(
        ctx.url.href,
        title,
        now,
        'the link is not an http(s) address — the page itself was captured',
        selection ?? '',
      );
    const d = newDraft(platformOf(ctx, link));
    d.url = link.href;
    d.text = selection ?? '';
    d.warnings.push('the linked post is not on this page — only its address was captured');
    // The page's title describes this page, not the linked post: no title fallback.
    return finish(d, ctx.url.href, null, now);
  }
  let pick: Found | undefined;
  if (req.target) pick = containing(found, req.target);
  if (!pick && selection) {
    pick =
      containing(found, req.selectionNode ?? liveSelectionNode(ctx.doc, selection)) ??
      bySelectionText(found, selection);
  }
  if (!pick) pick = ext.primary?.(found, ctx) ?? found[0];
  if (!pick) {
    const d = newDraft('web');
    d.url = ctx.url.href;
    d.text = selection ?? '';
    d.warnings.push('no post found on this page');
    return fin(d);
  }
  if (!selection) return fin(pick.draft);
  const d: Draft = { ...pick.draft, warnings: [...pick.draft.warnings], text: selection };
  if (!bySelectionText([pick], selection))
    d.warnings.push('the selection was not found in a post — author is that of the page');
  return fin(d);
}

function platformOf(ctx: Ctx, link: URL): Draft['platform'] {
  const h = link.hostname;
  if (/(^|\.)(x|twitter)\.com$/.test(h)) return 'x';
  if (/(^|\.)bsky\.app$/.test(h)) return 'bluesky';
  if (/(^|\.)reddit\.com$/.test(h)) return 'reddit';
  if (/(^|\.)threads\.(net|com)$/.test(h)) return 'threads';
  if (/(^|\.)linkedin\.com$/.test(h)) return 'linkedin';
  return pickExtractor(ctx).id === 'mastodon' ? 'mastodon' : 'web';
}
