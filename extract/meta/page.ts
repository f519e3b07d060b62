/** Page-level facts from <head> and author microdata: what any page offers without layout. */
import { readJsonLd, type LdFacts } from './jsonld';

export interface PageMeta {
  title: string | null;
  ogTitle: string | null;
  description: string | null;
  siteName: string | null;
  /** al:ios:app_name: the app a platform's pages advertise (Medium on custom domains). */
  appName: string | null;
  canonical: string | null;
  published: string | null;
  /** meta[name=author] / article:author / twitter:creator, in that order, names only (no URLs). */
  metaAuthor: string | null;
  generator: string | null;
  lang: string | null;
  ld: LdFacts;
}

const cache = new WeakMap<Document, PageMeta>();

/** Reads every <meta> once; cached per document because several extractors ask. */
export function pageMeta(doc: Document): PageMeta {
  const hit = cache.get(doc);
  if (hit) return hit;
  const m = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length && i < 2000; i++) {
    const el = metas[i]!;
    const key = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    // Some saved pages (and some CMSs) write value= instead of content=.
    const val = el.getAttribute('content') ?? el.getAttribute('value');
    if (key && val && val.trim() && !m.has(key)) m.set(key, val.trim());
  }
  const notUrl = (s: string | undefined) => (s && !/^https?:\/\//i.test(s) ? s : null);
  const pm: PageMeta = {
    title: doc.querySelector('title')?.textContent?.trim() || null,
    ogTitle: m.get('og:title') ?? m.get('twitter:title') ?? m.get('dc.title') ?? null,
    description: m.get('og:description') ?? m.get('description') ?? m.get('twitter:description') ?? null,
    siteName: m.get('og:site_name') ?? m.get('application-name') ?? null,
    appName: m.get('al:ios:app_name') ?? null,
    canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? m.get('og:url') ?? null,
    published:
      m.get('article:published_time') ??
      m.get('og:article:published_time') ??
      m.get('datepublished') ??
      m.get('date') ??
      m.get('dc.date') ??
      m.get('dc.date.issued') ??
      m.get('dcterms.created') ??
      m.get('sailthru.date') ??
      m.get('parsely-pub-date') ??
      null,
    metaAuthor:
      notUrl(m.get('dc.creator')) ??
      notUrl(m.get('dcterms.creator')) ??
      notUrl(m.get('author')) ??
      notUrl(m.get('article:author')) ??
      notUrl(m.get('byl')) ??
      notUrl(m.get('parsely-author')) ??
      notUrl(m.get('sailthru.author')) ??
      null,
    generator: m.get('generator') ?? null,
    lang: doc.documentElement?.getAttribute('lang') ?? m.get('og:locale') ?? m.get('content-language') ?? null,
    ld: readJsonLd(doc),
  };
  cache.set(doc, pm);
  return pm;
}
