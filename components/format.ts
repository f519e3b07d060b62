/** Numbers, times and languages as the agent reads them (their browser's language and time zone). */
import { t } from './i18n';

/** "48.2K" / "48,2K": reach figures at a glance. */
export function compact(n: number): string {
  return new Intl.NumberFormat(navigator.language, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** An instant in the agent's local time, short: "09:15" today, else "23 Nov, 09:15". */
export function localTime(iso: string, now = Date.now()): string {
  const d = new Date(iso);
  const today = d.toDateString() === new Date(now).toDateString();
  return d.toLocaleString(navigator.language, {
    ...(today ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** An ISO instant as a datetime-local input's value, in local time. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A language tag as its name in the agent's language ("nl" → "Dutch" / "Nederlands"). */
export function languageName(tag: string | null): string {
  if (!tag) return '';
  try {
    return new Intl.DisplayNames([navigator.language], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "2 h 5 min" from milliseconds: how long something took or has been waiting. */
export function duration(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return t('duration_min', String(min));
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? t('duration_hMin', String(h), String(min % 60)) : t('duration_h', String(h));
  return t('duration_d', String(Math.round(h / 24)));
}
