import { browser } from 'wxt/browser';

/**
 * A key of the message catalogues (public/_locales/en/messages.json), typed from what WXT
 * generates into .wxt/types/i18n.d.ts: a key missing from the English catalogue fails the type
 * check. Keys built from a value (a status, a platform) go through the typed maps of labels.ts.
 */
export type MessageKey = Exclude<Parameters<typeof browser.i18n.getMessage>[0], `@@${string}`>;

/**
 * UI text in the browser's language (English and Dutch ship, see public/_locales). A missing
 * translation shows the key itself, so a gap is visible instead of an empty label.
 */
export function t(key: MessageKey, ...subs: string[]): string {
  try {
    return browser.i18n.getMessage(key, subs) || key;
  } catch {
    // A context without a catalogue (the unit tests' fake browser): the key itself.
    return key;
  }
}

/** "3 min ago" from an ISO instant. */
export function ago(iso: string, now = Date.now()): string {
  const s = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (s < 60) return t('ago_now');
  if (s < 3600) return t('ago_min', String(Math.floor(s / 60)));
  if (s < 86400) return t('ago_hour', String(Math.floor(s / 3600)));
  return t('ago_day', String(Math.floor(s / 86400)));
}
