/**
 * A review's stars, out of 5, from what review pages and shops print: schema.org ratingValue
 * (with bestRating), data-rating attributes, "4 out of 5" / "4 van 5 sterren" / "4 von 5 Sternen"
 * / "4 sur 5 étoiles" / "4 de 5 estrellas" labels, and classes such as "stars-4" or "rating-40".
 */
const OUT_OF = /(\d+(?:[.,]\d+)?)\s*(?:\/|out of|of|van|von|sur|de|uit)\s*(\d+(?:[.,]\d+)?)/i;
const STARS = /(\d+(?:[.,]\d+)?)\s*(?:stars?|sterren|sternen?|étoiles?|estrellas?)/i;

const num = (s: string | null | undefined) => (s ? Number(s.replace(',', '.')) : Number.NaN);

function scaled(value: number, best: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(best) || best <= 0 || value < 0 || value > best) return null;
  return Math.round((value / best) * 5 * 100) / 100;
}

/** From a text or label: "Rated 4 out of 5", "4,5/5", "5 sterren". */
export function ratingOfText(raw: string | null | undefined): number | null {
  if (!raw) return null;
  const o = OUT_OF.exec(raw);
  if (o) return scaled(num(o[1]), num(o[2]));
  const s = STARS.exec(raw);
  return s ? scaled(num(s[1]), 5) : null;
}

/** The rating of one review element; `el` is its rating part when the caller found one. */
export function readRating(item: Element, el: Element | null): number | null {
  const value = item.querySelector('[itemprop="ratingValue"]');
  if (value) {
    const best = item.querySelector('[itemprop="bestRating"]');
    const v = num(value.getAttribute('content') ?? value.textContent);
    const b = best ? num(best.getAttribute('content') ?? best.textContent) : 5;
    const r = scaled(v, b > 0 ? b : 5);
    if (r !== null) return r;
  }
  const holder =
    el ??
    item.querySelector(
      '[data-rating], [data-score], [data-service-review-rating], [aria-label*="star"], [aria-label*="Star"], [title*="star"], [title*="Star"], [class*="rating"], [class*="stars"]',
    );
  if (!holder) return null;
  for (const attr of ['data-rating', 'data-score', 'data-service-review-rating']) {
    const v = num(holder.getAttribute(attr));
    if (Number.isFinite(v)) return scaled(v, v > 5 ? (v > 10 ? 100 : 10) : 5);
  }
  const label =
    ratingOfText(holder.getAttribute('aria-label')) ??
    ratingOfText(holder.getAttribute('title')) ??
    ratingOfText(holder.querySelector('img[alt]')?.getAttribute('alt')) ??
    ratingOfText(holder.textContent);
  if (label !== null) return label;
  // "star-rating-4", "stars-45" (tenths), "rating-80" (percent).
  const cls = (holder.getAttribute('class') ?? '').match(/(?:stars?|rating)[-_]?(\d{1,3})\b/i)?.[1];
  if (!cls) return null;
  const c = Number(cls);
  return scaled(c, c <= 5 ? 5 : c <= 50 ? 50 : 100);
}
