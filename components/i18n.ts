import { browser } from 'wxt/browser';

/**
 * UI text in the browser's language (English and Dutch ship, see public/_locales). A missing
 * key shows the key itself, so a gap is visible instead of an empty label.
 */
export function t(key: string, ...subs: string[]): string {
  return browser.i18n.getMessage(key as never, subs) || key;
}

/** "3 min ago" from an ISO instant. */
export function ago(iso: string, now = Date.now()): string {
  const s = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (s < 60) return t('ago_now');
  if (s < 3600) return t('ago_min', String(Math.floor(s / 60)));
  if (s < 86400) return t('ago_hour', String(Math.floor(s / 3600)));
  return t('ago_day', String(Math.floor(s / 86400)));
}
