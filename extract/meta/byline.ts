/** Author and time of an article from the page's own signals, most reliable first (extract/README.md). */
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { httpUrl } from '../dom/url';
import { pageMeta } from './page';

export interface Byline {
  name: string | null;
  profileUrl: string | null;
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d';
/** A date or time glued to a byline ("Laura Adkins December 28, 2016", "… 2019年04月28日"). */
const TRAILING_DATE = new RegExp(
  `\\s*(,|on|updated|published|posted)?\\s*(${MONTH}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[年/-]|\\d{1,2}\\s+${MONTH}|\\d+\\s+(hours?|minutes?|days?|hodin|uur|stunden?)|před\\s).*$`,
  'i',
);

/** "By Jane Doe" / "Posted by Jane Doe" / "Jane Doe | Staff" → "Jane Doe". */
export function tidyName(raw: string | null | undefined): string | null {
  let s = cleanLine(raw?.split(/\n/).find((l) => l.trim()) ?? raw, 300);
  if (!s) return null;
  // "Posted on October 28, 2020 by apgoucher": the name is what follows "by".
  const after = s.match(/\bby[:\s]+(.+)$/i)?.[1];
  if (after && !/^\s*(posted|written)?\s*by\b/i.test(s)) s = after;
  s = s
    .replace(/^(posted|written|words|text)?\s*by[:\s]+/i, '')
    .replace(/^By(?=\p{Lu})/u, '')
    .replace(/^(door|von|par|por)\s+/i, '')
    .replace(/\s*[|·•].*$/, '')
    .replace(TRAILING_DATE, '')
    .replace(/[\s,;:–—-]+$/, '')
    .trim();
  if (!s || s.length > 100 || /^https?:/i.test(s) || /^\d+$/.test(s)) return null;
  return s;
}

function nameIn(el: Element | null): string | null {
  if (!el) return null;
  const inner = el.querySelector('[itemprop="name"]');
  return tidyName(
    inner?.getAttribute('content') ?? textOf(inner ?? el, { inline: true }) ?? el.getAttribute('content'),
  );
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
  if (ipName)
    return {
      name: ipName,
      profileUrl: httpUrl(ip?.querySelector('a[href]')?.getAttribute('href') ?? ip?.getAttribute('href'), base),
    };
  return scanBylines(scope ? [scope, doc] : [doc], base);
}

const BYLINE_SEL =
  '[class*="byline"], [class*="Byline"], [class*="author"], [class*="Author"], [id*="byline"], [id*="author"], [data-testid*="byline"], [data-testid*="author"]';
const NOT_BYLINE =
  /comment|avatar|bio|title|label|prep|icon|img|image|photo|follow|share|social|more|box|info|desc|about|date|time/i;
/** Label words that sit in byline elements without a name ("Posted on", "Author"). */
const LABEL =
  /^(posted|published|written|updated|by|author|authors|on|posted on|posted by|share|follow|contributor|staff)$/i;

/** Readability-style: the first short byline/author element (its link text when it has one). */
function scanBylines(roots: ParentNode[], base?: string): Byline {
  for (const root of roots) {
    const els = root.querySelectorAll(BYLINE_SEL);
    for (let i = 0; i < els.length && i < 200; i++) {
      const el = els[i]!;
      const tag = el.tagName.toUpperCase();
      if (
        tag === 'META' ||
        tag === 'LINK' ||
        tag === 'BODY' ||
        tag === 'HTML' ||
        tag === 'ARTICLE' ||
        tag === 'SCRIPT' ||
        tag === 'STYLE'
      )
        continue;
      if (NOT_BYLINE.test(el.getAttribute('class') ?? '') && !/byline/i.test(el.getAttribute('class') ?? '')) continue;
      if (el.closest('.comment, .comments, #comments, [class*="comment-"], [class*="related"], footer')) continue;
      const raw = textOf(el, { inline: true });
      if (!raw.trim() || raw.length > 120) continue;
      const link = Array.from(el.querySelectorAll('a[href]')).find((a) =>
        /^[\p{L}][\p{L}.'’\- ]{2,60}$/u.test((a.textContent ?? '').trim()),
      );
      const name = tidyName(link?.textContent ?? raw);
      if (name && !LABEL.test(name) && name.split(/\s+/).length <= 8 && /\p{L}/u.test(name))
        return { name, profileUrl: httpUrl(link?.getAttribute('href'), base) };
    }
  }
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
  const t =
    root.querySelector('time[datetime]') ??
    doc.querySelector('article time[datetime], time.published[datetime], time.entry-date[datetime]');
  return t?.getAttribute('datetime') ?? null;
}
