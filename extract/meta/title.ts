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
  const heading = (el: Element | null | undefined) =>
    el ? textOf(el, { inline: true }).replace(/\s+/g, ' ').trim() || null : null;
  // The article's own heading decides which part of "Story | Site" is the story; a page-level h1
  // may be the site's name (a forum's header), so it only stands in when there is no <title>.
  const own = heading(scope?.querySelector('h1'));
  if (raw) return cleanTitle(raw, own);
  return ld ?? own ?? heading(doc.querySelector('h1'));
}

const SEP = /\s[|\-–—\\/>»·]\s/;
const HIER = /\s[\\/>»]\s/;

/** "Story title | Section | Site" → "Story title | Section"; a heading equal to a part wins. */
export function cleanTitle(raw: string, h1: string | null): string {
  if (h1 && squash(h1) === squash(raw)) return raw;
  if (h1 && raw.split(SEP).some((p) => squash(p) === squash(h1))) return h1;
  if (!SEP.test(raw)) {
    // "Site: Story title": the heading tells which side is the story.
    if (raw.includes(': ') && h1 && squash(raw).endsWith(squash(h1)) && words(h1) >= 3) return h1;
    return raw.length > 150 && h1 ? h1 : raw;
  }
  let cur = raw.replace(/(.*)\s[|\-–—\\/>»·]\s.*/, '$1').trim();
  if (words(cur) < 3) cur = raw.replace(/^[^|\-–—\\/>»·]*\s[|\-–—\\/>»·]\s(.*)/, '$1').trim();
  const hier = HIER.test(raw);
  if (words(cur) <= 4 && (!hier || words(cur) !== words(raw.replace(/\s[|\-–—\\/>»·]\s/g, ' ')) - 1)) return raw;
  return cur;
}
