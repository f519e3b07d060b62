/** JSON-LD: the first Article/Posting-like object on the page, read defensively (pages lie). */

export interface LdFacts {
  author: string | null;
  authorUrl: string | null;
  published: string | null;
  headline: string | null;
  body: string | null;
  lang: string | null;
  /** The @type of the object read ("NewsArticle", "Review"). */
  type: string | null;
  /** A review's reviewRating, scaled to 5 stars. */
  rating: number | null;
  /** How many Review objects the page's JSON-LD holds (one: a review's own page). */
  reviews: number;
}

const POSTY = /Article|Posting|BlogPost|Report|Review|Comment|WebPage|CreativeWork/i;

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  return null;
}

function authorOf(v: unknown): { name: string | null; url: string | null } {
  // Several authors: their names joined, the first one's URL.
  if (Array.isArray(v) && v.length > 1) {
    const all = v.slice(0, 5).map((x) => authorOf(x));
    const names = all.map((x) => x.name).filter((n): n is string => !!n);
    return { name: names.length ? names.join(', ') : null, url: all[0]?.url ?? null };
  }
  const a = Array.isArray(v) ? v[0] : v;
  if (typeof a === 'string') return { name: a.trim() || null, url: null };
  if (a && typeof a === 'object') {
    const o = a as Record<string, unknown>;
    return { name: str(o.name) ?? str(o.alternateName), url: str(o.url) ?? str(o['@id']) };
  }
  return { name: null, url: null };
}

function* flatten(v: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 4 || !v || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) yield* flatten(x, depth + 1);
    return;
  }
  const o = v as Record<string, unknown>;
  yield o;
  if (o['@graph']) yield* flatten(o['@graph'], depth + 1);
  if (o.mainEntity) yield* flatten(o.mainEntity, depth + 1);
}

export function readJsonLd(doc: Document): LdFacts {
  const out: LdFacts = {
    author: null,
    authorUrl: null,
    published: null,
    headline: null,
    body: null,
    lang: null,
    type: null,
    rating: null,
    reviews: 0,
  };
  let best = -1;
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < 30; i++) {
    const raw = scripts[i]!.textContent ?? '';
    if (raw.length > 2_000_000) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw.replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)|(-->|\/\/\s*\]\]>|\]\]>)\s*$/g, ''));
    } catch {
      continue;
    }
    for (const o of flatten(data)) {
      const type = String(Array.isArray(o['@type']) ? o['@type'].join(' ') : (o['@type'] ?? ''));
      if (!POSTY.test(type)) continue;
      if (/\bReview\b/.test(type)) out.reviews++;
      // Prefer real articles over the generic WebPage node of the same graph.
      const score = (/Article|Posting|BlogPost/i.test(type) ? 2 : 0) + (o.author ? 1 : 0);
      if (score <= best) continue;
      best = score;
      const a = authorOf(o.author ?? o.creator);
      out.author = a.name;
      out.authorUrl = a.url;
      out.published = str(o.datePublished) ?? str(o.dateCreated) ?? str(o.uploadDate);
      out.headline = str(o.headline) ?? str(o.name);
      out.body = str(o.articleBody) ?? str(o.reviewBody) ?? str(o.text);
      out.lang = str(o.inLanguage);
      out.type = type || null;
      out.rating = ratingOf(o.reviewRating);
    }
  }
  return out;
}

function ratingOf(v: unknown): number | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const value = Number(String(o.ratingValue ?? '').replace(',', '.'));
  const best = Number(String(o.bestRating ?? '5').replace(',', '.')) || 5;
  if (!Number.isFinite(value) || value < 0 || value > best) return null;
  return Math.round((value / best) * 5 * 100) / 100;
}
