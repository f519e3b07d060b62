/**
 * Field rules shared by the Zod schemas (primitives.ts, mention.ts) and the in-page hand check
 * (extract/mention-check.ts, extract/thread.ts). Kept free of zod: the injected capture script
 * imports this file and must stay small.
 */

/** An ISO-8601 instant in UTC, e.g. 2026-11-23T09:15:00.000Z. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A BCP-47 primary language tag such as "nl". */
export const LANGUAGE_TAG = /^[a-z]{2,3}$/;

/** The longest URL kept. */
export const MAX_URL_CHARS = 4096;

/** Only http(s) URLs are kept: a `javascript:` or `data:` permalink from a hostile page is refused. */
export function isHttpUrl(s: string): boolean {
  return s.length <= MAX_URL_CHARS && /^https?:\/\//i.test(s) && URL.canParse(s);
}

/**
 * What an empty page shows while its script has not run ("Loading…", "Laden…", "Cargando…"): not
 * what a customer wrote, so it never counts as a mention's text.
 */
const PLACEHOLDER =
  /^(loading|please wait|one moment|laden|bezig met laden|wordt geladen|even geduld|cargando|espere|chargement|veuillez patienter|wird geladen|lädt|bitte warten|caricamento)\s*(\.{3}|…)?$/i;

export function isPlaceholderText(text: string): boolean {
  const t = text.trim();
  // Punctuation alone is no text; an emoji alone is ("😢" is a complaint).
  return PLACEHOLDER.test(t) || /^[\s\p{P}]*$/u.test(t);
}

/** True when a mention has text a case can be about (not empty, not a loading placeholder). */
export function hasText(text: string): boolean {
  return !isPlaceholderText(text);
}
