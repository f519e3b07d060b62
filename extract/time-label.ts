/**
 * Times as pages show them to people: "2 days ago", "3h", "Yesterday at 9:15", "20 November at
 * 09:15", "11-20", a DM's "10:42" under a "Today" separator. Facebook, YouTube, TikTok and X's
 * conversations give no machine-readable time for comments and messages, so the label is all there
 * is. Read in the browser's own time zone (the page wrote it for that zone), dated from the capture
 * time, in English and Dutch (the languages agents here run these sites in).
 */
import { toIso } from './dom/url';

const MONTHS: Record<string, number> = {};
[
  ['jan', 'january', 'januari'],
  ['feb', 'february', 'februari'],
  ['mar', 'march', 'mrt', 'maart'],
  ['apr', 'april'],
  ['may', 'mei'],
  ['jun', 'june', 'juni'],
  ['jul', 'july', 'juli'],
  ['aug', 'august', 'augustus'],
  ['sep', 'sept', 'september'],
  ['oct', 'october', 'okt', 'oktober'],
  ['nov', 'november'],
  ['dec', 'december'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i)));

const WEEKDAYS: Record<string, number> = {};
[
  ['sun', 'sunday', 'zondag'],
  ['mon', 'monday', 'maandag'],
  ['tue', 'tues', 'tuesday', 'dinsdag'],
  ['wed', 'wednesday', 'woensdag'],
  ['thu', 'thur', 'thurs', 'thursday', 'donderdag'],
  ['fri', 'friday', 'vrijdag'],
  ['sat', 'saturday', 'zaterdag'],
].forEach((names, i) => names.forEach((n) => (WEEKDAYS[n] = i)));

/** Seconds per unit of a relative label ("3 d", "2 hours ago", "5 min geleden"). */
const UNITS: [RegExp, number][] = [
  [/^(s|sec|secs|second|seconds|seconde|seconden)$/, 1],
  [/^(m|min|mins|minute|minutes|minuut|minuten)$/, 60],
  [/^(h|hr|hrs|hour|hours|u|uur|uren)$/, 3600],
  [/^(d|day|days|dag|dagen)$/, 86_400],
  [/^(w|wk|wks|week|weeks|weken)$/, 7 * 86_400],
  [/^(mo|mth|month|months|mnd|maand|maanden)$/, 30 * 86_400],
  [/^(y|yr|yrs|year|years|j|jr|jaar|jaren)$/, 365 * 86_400],
];

/** A time of day: "9:15", "09:15", "9:15 PM", "21.15 uur". */
const CLOCK = /(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?/i;

function clockOf(s: string): { h: number; m: number } | null {
  const c = CLOCK.exec(s);
  if (!c) return null;
  let h = Number(c[1]);
  const m = Number(c[2]);
  const ampm = c[3]?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  return h < 24 && m < 60 ? { h, m } : null;
}

function at(day: Date, clock: { h: number; m: number } | null): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), clock?.h ?? 0, clock?.m ?? 0);
}

/** A day named by the page relative to `now`: "Today", "Yesterday", "Monday", "gisteren". */
function namedDay(word: string, now: Date): Date | null {
  const w = word.toLowerCase();
  if (w === 'today' || w === 'vandaag') return now;
  if (w === 'yesterday' || w === 'gisteren') return new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  const wd = WEEKDAYS[w];
  if (wd === undefined) return null;
  // The most recent such day before today (a conversation lists this week's days by name).
  const back = (now.getDay() - wd + 7) % 7 || 7;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
}

/** "20 November [2026]", "November 20[, 2026]", "20 nov.", "11-20", "2026-11-20": a calendar day. */
function calendarDay(s: string, now: Date): Date | null {
  const t = s.toLowerCase().replace(/[.,]/g, ' ');
  const year = (y: string | undefined, month: number, day: number) => {
    if (y) return Number(y);
    // No year shown means this year, unless that day is still to come.
    const guess = new Date(now.getFullYear(), month, day);
    return guess.getTime() > now.getTime() + 86_400_000 ? now.getFullYear() - 1 : now.getFullYear();
  };
  let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  m = /\b(\d{1,2})\s+([a-z]{3,9})\s*(\d{4})?\b/.exec(t);
  if (m && MONTHS[m[2]!] !== undefined) {
    const month = MONTHS[m[2]!]!;
    return new Date(year(m[3], month, Number(m[1])), month, Number(m[1]));
  }
  m = /\b([a-z]{3,9})\s+(\d{1,2})\b(?:\s+(\d{4}))?/.exec(t);
  if (m && MONTHS[m[1]!] !== undefined) {
    const month = MONTHS[m[1]!]!;
    return new Date(year(m[3], month, Number(m[2])), month, Number(m[2]));
  }
  // TikTok's "11-20" (month-day) for this year's comments.
  m = /^(\d{1,2})-(\d{1,2})$/.exec(t.trim());
  if (m) return new Date(year(undefined, Number(m[1]) - 1, Number(m[2])), Number(m[1]) - 1, Number(m[2]));
  return null;
}

/** "3 days ago", "2h", "5 min geleden", "1 jaar": the span before `now`, in seconds; null when it is not one. */
function relative(s: string): number | null {
  const t = s
    .toLowerCase()
    .replace(/\((edited|bewerkt)\)|\b(edited|bewerkt|ago|geleden)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(just now|now|zojuist|nu|net)$/.test(t)) return 0;
  const m = /^(\d+)\s*([a-z]+)\.?$/.exec(t);
  if (!m) return null;
  const unit = UNITS.find(([re]) => re.test(m[2]!));
  return unit ? Number(m[1]) * unit[1] : null;
}

export interface ShownTime {
  /** ISO instant, or null when the label is not a time. */
  iso: string | null;
  /** True when the label gave no more than an age ("3 days ago"): the agent should know. */
  approximate: boolean;
}

/**
 * The instant a label shows, dated from `now`. A full date in the label wins; a lone clock time
 * ("10:42") is taken on `day` when given (a conversation's day separator), else today.
 */
export function shownTime(label: string | null | undefined, now: Date, day?: string | null): ShownTime {
  const s = (label ?? '').replace(/\s+/g, ' ').trim();
  if (!s) return { iso: null, approximate: false };
  const exact = /\d{4}-\d{2}-\d{2}T/.test(s) ? toIso(s) : null;
  if (exact) return { iso: exact, approximate: false };
  const ago = relative(s);
  if (ago !== null) {
    // "3 days ago" is a day wide; "5 minutes ago" is as good as a time.
    const unit = ago === 0 ? 0 : ago / Number(/\d+/.exec(s)?.[0] ?? 1);
    return { iso: new Date(now.getTime() - ago * 1000).toISOString(), approximate: unit >= 3600 };
  }
  const clock = clockOf(s);
  const words = s.toLowerCase().match(/[a-z]+/g) ?? [];
  const named = words.map((w) => namedDay(w, now)).find((d) => d !== null) ?? null;
  const cal = calendarDay(s, now);
  const base = cal ?? named ?? (day ? (namedDay(day.trim(), now) ?? calendarDay(day, now)) : null);
  // A day without a clock ("11-20", "Monday") is a day wide.
  if (base) return { iso: at(base, clock).toISOString(), approximate: !clock };
  if (clock) return { iso: at(now, clock).toISOString(), approximate: false };
  return { iso: null, approximate: false };
}
