/** Author and time of an article from the page's own signals, in the order issue 3 names. */
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { httpUrl } from '../dom/url';
import { pageMeta } from './page';

export interface Byline { name: string | null; profileUrl: string | null }

/** "By Jane Doe" / "Posted by Jane Doe" / "Jane Doe | Staff" → "Jane Doe". */
export function tidyName(raw: string | null | undefined): string | null {
  let s = cleanLine(raw, 300);
  if (!s) return null;
  s = s.replace(/^(posted|written|words|text)?\s*by[:\s]+/i, '').replace(/^(door|von|par|por)\s+/i, '').replace(/\s*[|·•].*$/, '').trim();
  if (!s || s.length > 100 || /^https?:/i.test(s) || /^\d+$/.test(s)) return null;
  return s;
}

function nameIn(el: Element | null): string | null {
  if (!el) return null;
  const inner = el.querySelector('[itemprop="name"]');
  return tidyName(inner?.getAttribute('content') ?? textOf(inner ?? el, { inline: true }) ?? el.getAttribute('content'));
}

/** JSON-LD, then meta author, then rel=author, then itemprop=author, then a .byline/.author element. */
export function readByline(doc: Document, scope?: Element | null, base?: string): Byline {
  const pm = pageMeta(doc);
  const ld = tidyName(pm.ld.author);
  if (ld) return { name: ld, profileUrl: httpUrl(pm.ld.authorUrl, base) };
  const meta = tidyName(pm.metaAuthor);
  if (meta) return { name: meta, profileUrl: null };
  const root: ParentNode = scope ?? doc;
  const rel = root.querySelector('a[rel~="author"]') ?? doc.querySelector('a[rel~="author"]');
  const relName = nameIn(rel);
  if (relName) return { name: relName, profileUrl: httpUrl(rel?.getAttribute('href'), base) };
  const ip = root.querySelector('[itemprop~="author"]') ?? doc.querySelector('[itemprop~="author"]');
  const ipName = nameIn(ip);
  if (ipName) return { name: ipName, profileUrl: httpUrl(ip?.querySelector('a[href]')?.getAttribute('href') ?? ip?.getAttribute('href'), base) };
  const by = root.querySelector('.byline .author, .byline, .author-name, .post-author, .entry-author, .author');
  const byName = nameIn(by);
  if (byName && byName.split(' ').length <= 6) return { name: byName, profileUrl: httpUrl(by?.querySelector('a[href]')?.getAttribute('href'), base) };
  return { name: null, profileUrl: null };
}

/** JSON-LD datePublished, article:published_time, itemprop/time elements. */
export function readPublished(doc: Document, scope?: Element | null): string | null {
  const pm = pageMeta(doc);
  if (pm.ld.published) return pm.ld.published;
  if (pm.published) return pm.published;
  const root: ParentNode = scope ?? doc;
  const ip = root.querySelector('[itemprop="datePublished"]') ?? doc.querySelector('[itemprop="datePublished"]');
  const v = ip?.getAttribute('content') ?? ip?.getAttribute('datetime');
  if (v) return v;
  const t = root.querySelector('time[datetime]') ?? doc.querySelector('article time[datetime], time.published[datetime], time.entry-date[datetime]');
  return t?.getAttribute('datetime') ?? null;
}
