/** Author and time of an article from the page's own signals, most reliable first (extract/README.md). */
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { httpUrl } from '../dom/url';
import { pageMeta } from './page';
import { textDate, urlDate } from './text-date';

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
  // A meta author ending in a domain ("Zone Justice - ICI.Radio-Canada.ca") names the site or a
  // desk, not the writer: a byline on the page goes first, the site name is the last resort.
  const site = meta && /\.[a-z]{2,6}$/i.test(meta) ? meta : null;
  if (meta && !site) return { name: meta, profileUrl: null };
  const root: ParentNode = scope ?? doc;
  const rel = firstOf(root, 'a[rel~="author"]') ?? firstOf(doc, 'a[rel~="author"]');
  const relName = nameIn(rel);
  if (relName) return { name: relName, profileUrl: httpUrl(rel?.getAttribute('href'), base) };
  const ip = firstOf(root, '[itemprop~="author"]') ?? firstOf(doc, '[itemprop~="author"]');
  const ipName = nameIn(ip);
  if (ipName)
    return {
      name: ipName,
      profileUrl: httpUrl(ip?.querySelector('a[href]')?.getAttribute('href') ?? ip?.getAttribute('href'), base),
    };
  const roots = scope ? [scope, doc] : [doc];
  const byClass = scanBylines(roots, base);
  const found = byClass.name ? byClass : (textByline(roots) ?? byClass);
  return found.name || !site ? found : { name: site, profileUrl: null };
}

/**
 * "Posted by Ned Deily", "Door Jan de Vries", "Von Anna Schmidt", "Par Jean Dupont", "Por Ana García",
 * at the start of a short line or after its date ("Publié le 3 mars 2021 par Marie Lefèvre").
 */
const BY_WORD =
  /(?:^|[\s,·|–-])(?:posted by|written by|words by|by|door|geschreven door|von|verfasst von|geschrieben von|par|écrit par|publié par|un texte de|por|escrito por|publicado por)\s+(?=\p{L})/giu;
const NAME =
  /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:van|von|der|den|del|de|da|la|le|du|di|ter|y)(?=\s)|\p{Lu}[\p{L}.'’-]*)){0,4}/u;
/** "Photo by …", "Foto door …": a credit, not the article's author. */
const CREDIT = /(photo|foto|image|bild|illustration|credit|crédit|grafik|video)s?\s*$/i;

export function bylineIn(raw: string): string | null {
  BY_WORD.lastIndex = 0;
  for (let m = BY_WORD.exec(raw); m; m = BY_WORD.exec(raw)) {
    const before = raw.slice(0, m.index);
    // Mid-line only after a date or a "posted/published" word, never inside prose.
    if (before.trim() && !/\d|posted|publi|geplaatst|veröffentlicht|gepubliceerd|mis à jour|updated/i.test(before))
      continue;
    if (CREDIT.test(before)) continue;
    const rest = raw.slice(m.index + m[0].length);
    const name = rest.match(NAME)?.[0];
    if (name) return name;
    // "11.09.2011, 16:20 von jovelstefan": a lower-case user name, only as the end of a date line.
    const user = /^[\p{Ll}\d][\p{L}\d_.-]{2,29}$/u.exec(rest.trim())?.[0];
    if (user && textDate(before)) return user;
  }
  return null;
}

function textByline(roots: ParentNode[]): Byline | null {
  for (const root of roots) {
    const els = root.querySelectorAll('p, span, div, li, address, small, em, strong, td');
    for (let i = 0, seen = 0; i < els.length && i < 3000 && seen < 400; i++) {
      const el = els[i]!;
      // Small elements only: textContent of a big container is a walk of all of it.
      if (el.childElementCount > 4 || Array.from(el.children).some((c) => c.childElementCount > 2)) continue;
      const raw = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (raw.length < 5 || raw.length > 120) continue;
      seen++;
      const found = bylineIn(raw);
      if (!found || outsideArticle(el)) continue;
      // "By <a>Joshua Sokol</a> Contributing Correspondent": the link is the name.
      const a = Array.from(el.querySelectorAll('a[href]')).find((x) => {
        const t = (x.textContent ?? '').trim();
        return t.length > 2 && found.startsWith(t);
      });
      const name = tidyName(a ? a.textContent : found);
      if (name && !LABEL.test(name)) return { name, profileUrl: httpUrl(a?.getAttribute('href')) };
    }
  }
  return null;
}

const BYLINE_SEL =
  '[class*="byline"], [class*="Byline"], [class*="author"], [class*="Author"], [id*="byline"], [id*="author"], [data-testid*="byline"], [data-testid*="author"]';
const BYLINE_PART = '[class*="author"], [class*="Author"]';
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
      // Parts that are not the name ("(Bruxelles, bureau européen)" in an author__desc, a job
      // title, a date, an avatar) are left out; a byline block that starts with its own author part
      // is that part ("byline-section › span.author, span.publication").
      const skip = (e: Element) => e !== el && NOT_BYLINE.test(e.getAttribute('class') ?? '');
      const whole = textOf(el, { inline: true, skip });
      const part = el.querySelector(BYLINE_PART);
      const partText = part && !skip(part) ? textOf(part, { inline: true, skip }).trim() : '';
      const raw = partText && tidyName(whole)?.startsWith(partText) ? partText : whole;
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

/**
 * Embedded posts, related lists, comments and sidebars carry dates and names of other posts:
 * never the article's (an Instagram embed's time is not the article's date).
 */
const NOT_ARTICLE =
  'blockquote, iframe, .instagram-media, .twitter-tweet, .tiktok-embed, [class*="embed"], [class*="related"], [class*="Related"], .comment, .comments, #comments, .comment-list, .commentlist, [id^="comment-"], [itemprop="comment"], [itemtype*="Comment"], [itemtype*="Review"], [itemtype*="Answer"], [itemprop="review"], [data-service-review-card-paper], .review, [class*="recommend"], .sidebar, #sidebar, .widget';

export function outsideArticle(el: Element): boolean {
  return !!el.closest(NOT_ARTICLE);
}

function firstOf(root: ParentNode, sel: string): Element | null {
  const all = root.querySelectorAll(sel);
  for (let i = 0; i < all.length && i < 100; i++) if (!outsideArticle(all[i]!)) return all[i]!;
  return null;
}

const DATE_SEL =
  '[class*="info"], [class*="date"], [class*="Date"], [class*="time"], [class*="publish"], [class*="posted"], [class*="meta"], [class*="byline"], [class*="datum"], [class*="fecha"], [id*="date"], [itemprop="dateCreated"]';

/**
 * JSON-LD datePublished, article:published_time and the like, then the article's own
 * itemprop/time elements, then a date printed near its title ("29. Januar 2019"), then the
 * date in its address.
 */
export function readPublished(
  doc: Document,
  scope?: Element | null,
  url?: string,
  lang?: string | null,
): string | null {
  const pm = pageMeta(doc);
  if (pm.ld.published) return pm.ld.published;
  if (pm.published) return pm.published;
  const roots: ParentNode[] = scope ? [scope, doc] : [doc];
  for (const root of roots) {
    const ip = firstOf(root, '[itemprop="datePublished"]');
    const v = ip?.getAttribute('content') ?? ip?.getAttribute('datetime') ?? textDate(ip?.textContent, lang);
    if (v) return v;
    const t = firstOf(
      root,
      root === doc
        ? 'article time[datetime], time.published[datetime], time.entry-date[datetime], time[datetime]'
        : 'time[datetime]',
    );
    if (t?.getAttribute('datetime')) return t.getAttribute('datetime');
  }
  for (const root of roots) {
    const els = root.querySelectorAll(DATE_SEL);
    for (let i = 0; i < els.length && i < 200; i++) {
      const el = els[i]!;
      const raw = el.textContent ?? '';
      if (raw.length > 200 || outsideArticle(el)) continue;
      const d = textDate(el.getAttribute('title') ?? raw, lang) ?? textDate(raw, lang);
      if (d) return d;
    }
  }
  // A date printed in the first lines of an <article> ("Vienna, 3 March 2021 –"); not of any
  // region, where the first date may be a review's or a comment's.
  if (scope && scope.tagName === 'ARTICLE') {
    const d = textDate((scope.textContent ?? '').slice(0, 600), lang);
    if (d) return d;
  }
  return url ? urlDate(url) : null;
}
