/** URL and time helpers: only http(s) URLs leave the extractor, only real instants as times. */
import { MAX_URL_CHARS } from '../../domain/field-rules';

export function parseUrl(href: string | null | undefined, base?: string): URL | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Absolute http(s) URL or null (a javascript: profile link becomes null). */
export function httpUrl(href: string | null | undefined, base?: string): string | null {
  const u = parseUrl(href, base);
  return u && u.href.length <= MAX_URL_CHARS ? u.href : null;
}

/**
 * A link element's absolute http(s) address. In a browser, an <a>'s href property is already the
 * parsed, absolute URL (what new URL() would give, without building one: 1,000 of them were 1.5 ms
 * of a 500-comment capture); elsewhere (linkedom in tests and the CLI) the attribute is parsed.
 */
export function linkUrl(el: Element | null | undefined, base: string): string | null {
  if (!el) return null;
  if (!el.getAttribute('href')?.trim()) return null;
  if (typeof HTMLAnchorElement !== 'undefined' && el instanceof HTMLAnchorElement) {
    // protocol is ":" when the address does not parse (href would then give the raw attribute back).
    const p = el.protocol;
    if (p !== 'https:' && p !== 'http:') return null;
    const h = el.href;
    return h.length <= MAX_URL_CHARS ? h : null;
  }
  return httpUrl(el.getAttribute('href'), base);
}

/** ISO-8601 UTC instant, or null for anything that is not a plausible date. */
export function toIso(raw: string | number | null | undefined): string | null {
  if (raw == null || raw === '') return null;
  let v: string | number = raw;
  if (typeof v === 'string') {
    v = v.trim();
    if (/^\d{10}(\.\d+)?$/.test(v))
      v = Number(v) * 1000; // unix seconds (Reddit, some blogs)
    else if (/^\d{13}$/.test(v)) v = Number(v);
    else if (!/\d{4}/.test(v)) return null;
  }
  const d = new Date(v);
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const y = d.getUTCFullYear();
  return y >= 1990 && y <= 2200 ? d.toISOString() : null;
}

/** First integer in a label such as "18151 Replies. Reply" or "1,234 views"; null when none. */
export function countIn(label: string | null | undefined): number | null {
  const m = label?.match(/\d[\d.,\u00A0\u202F ]*/);
  if (!m) return null;
  const n = Number(m[0].replace(/[^\d]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}
