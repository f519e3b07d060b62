/** Which found post or comment the agent means, and what selection does to it. */
import type { Mention } from '../domain/mention';
import { samePost } from '../domain/url-key';
import { finish, minimal, newDraft } from './draft';
import { textOf } from './dom/text';
import { parseUrl } from './dom/url';
import { platformNamed, platformOfHost } from './platforms/platforms';
import type { CaptureRequest, Ctx, Draft, Extractor, Found } from './types';

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
  toMention: (d: Draft) => Mention,
  title: string | null,
  now: Date,
  /** Told the element of the post or comment chosen (the evidence image is cut to its box). */
  onPick?: (el: Element | null) => void,
): Mention {
  const selection = req.selection?.trim() ? req.selection : null;
  if (req.linkUrl) {
    const link = req.linkUrl;
    const hit = found.find((f) => {
      const key = f.key ?? f.draft.url;
      return key !== null && samePost(key, link);
    });
    if (hit) {
      onPick?.(hit.el);
      return toMention(hit.draft);
    }
    const linked = parseUrl(link);
    if (!linked)
      return minimal(
        ctx.url.href,
        title,
        now,
        'the link is not an http(s) address — the page itself was captured',
        selection ?? '',
      );
    const d = newDraft(platformOfLink(ext, linked));
    d.url = linked.href;
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
    return toMention(d);
  }
  onPick?.(pick.el);
  if (!selection) return toMention(pick.draft);
  const d: Draft = { ...pick.draft, warnings: [...pick.draft.warnings], text: selection };
  if (!bySelectionText([pick], selection))
    d.warnings.push('the selection was not found in a post — author is that of the page');
  return toMention(d);
}

/**
 * The platform of a linked post that is not on the page: the one whose sites hold the link, else
 * the page's own when that platform is a federated network (a toot linked from another instance).
 */
function platformOfLink(pageExtractor: Extractor, link: URL): Draft['platform'] {
  const bySite = platformOfHost(link.hostname);
  if (bySite) return bySite.id;
  const page = platformNamed(pageExtractor.id);
  return page?.federated ? page.id : 'web';
}
