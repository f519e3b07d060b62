/**
 * The article's title: Open Graph / Twitter / Dublin Core first (the site's own choice), then the
 * JSON-LD headline when the page title carries it, then the page title without the site name
 * (Readability's rule: cut the last " | Site" part, keep the whole when too little is left), then
 * the article's h1.
 */
import { textOf } from '../dom/text';
import type { PageMeta } from './page';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

export function articleTitle(doc: Document, pm: PageMeta, scope: Element | null): string | null {
  if (pm.ogTitle) return pm.ogTitle;
  const raw = pm.title?.replace(/\s+/g, ' ').trim() || null;
  const ld = pm.ld.headline;
  if (ld && (!raw || squash(raw).includes(squash(ld)))) return ld;
  const h1El = scope?.querySelector('h1') ?? doc.querySelector('h1');
  const h1 = h1El ? textOf(h1El, { inline: true }).replace(/\s+/g, ' ').trim() || null : null;
  if (raw) return cleanTitle(raw, h1);
  return ld ?? h1;
}

const SEP = /\s[|\-–—\\/>»·]\s/;
const HIER = /\s[\\/>»]\s/;

/** "Story title | Section | Site" → "Story title | Section"; a heading equal to a part wins. */
export function cleanTitle(raw: string, h1: string | null): string {
  if (h1 && squash(h1) === squash(raw)) return raw;
  if (!SEP.test(raw)) {
    // "Site: Story title": the heading tells which side is the story.
    if (raw.includes(': ') && h1 && squash(raw).endsWith(squash(h1)) && words(h1) >= 3) return h1;
    return raw.length > 150 && h1 ? h1 : raw;
  }
  const parts = raw.split(SEP);
  if (h1) {
    const hit = parts.find((p) => squash(p) === squash(h1));
    if (hit) return hit.trim();
  }
  let cur = raw.replace(/(.*)\s[|\-–—\\/>»·]\s.*/, '$1').trim();
  if (words(cur) < 3) cur = raw.replace(/^[^|\-–—\\/>»·]*\s[|\-–—\\/>»·]\s(.*)/, '$1').trim();
  const hier = HIER.test(raw);
  if (words(cur) <= 4 && (!hier || words(cur) !== words(raw.replace(/\s[|\-–—\\/>»·]\s/g, ' ')) - 1)) return raw;
  return cur;
}
