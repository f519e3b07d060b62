/**
 * Dates as pages print them, in the five languages the webcare teams read: "29. Januar 2019",
 * "29 januari 2019", "le 3 mars 2021", "3 de marzo de 2021", "March 3rd, 2021", "29.01.2019",
 * "2019-01-29", and the date in an address ("/2019/01/29/"). Day precision: the page's time zone
 * is unknown, so the day is what can be trusted.
 */
const MONTHS: Record<string, number> = {};
const NAMES: [number, string[]][] = [
  [1, ['january', 'jan', 'januari', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene']],
  [2, ['february', 'feb', 'februari', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero']],
  [3, ['march', 'mar', 'maart', 'mrt', 'märz', 'maerz', 'mär', 'mrz', 'mars', 'marzo']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr']],
  [5, ['may', 'mei', 'mai', 'mayo']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio']],
  [8, ['august', 'aug', 'augustus', 'août', 'aout', 'agosto', 'ago']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre']],
  [11, ['november', 'nov', 'novembre', 'noviembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'diciembre', 'dic', 'déc']],
];
for (const [n, names] of NAMES) for (const name of names) MONTHS[name] = n;
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

// "29. Januar 2019", "3 de marzo de 2021", "1er mars 2021"
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|er|e|st|nd|rd|th)?\\s*(?:de\\s+)?${MONTH}\\s*,?\\s*(?:de\\s+)?(\\d{4})(?!\\d)`,
  'iu',
);
// "March 3rd, 2021", "Jan 29 2019"
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
const ISO_DAY = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const NUMERIC = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/;

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1995 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date in a piece of text, as YYYY-MM-DD; `lang` decides 03/04/2021 (en: March 4). */
export function textDate(raw: string | null | undefined, lang?: string | null): string | null {
  if (!raw) return null;
  const s = raw.replace(/\s+/g, ' ').slice(0, 400);
  const found: { at: number; v: string | null }[] = [];
  const a = DAY_MONTH_YEAR.exec(s);
  if (a) found.push({ at: a.index, v: ymd(+a[3]!, MONTHS[a[2]!.toLowerCase()]!, +a[1]!) });
  const b = MONTH_DAY_YEAR.exec(s);
  if (b) found.push({ at: b.index, v: ymd(+b[3]!, MONTHS[b[1]!.toLowerCase()]!, +b[2]!) });
  const c = ISO_DAY.exec(s);
  if (c) found.push({ at: c.index, v: ymd(+c[1]!, +c[2]!, +c[3]!) });
  const d = NUMERIC.exec(s);
  if (d) {
    const y = d[4]!.length === 2 ? 2000 + +d[4]! : +d[4]!;
    let [day, mon] = [+d[1]!, +d[3]!];
    // Slashes in English pages are month first, unless the first number cannot be a month.
    if (d[2] === '/' && /^en/i.test(lang ?? '') && day <= 12) [day, mon] = [mon, day];
    found.push({ at: d.index, v: ymd(y, mon, day) });
  }
  found.sort((x, y) => x.at - y.at);
  return found.find((f) => f.v)?.v ?? null;
}

/** "/2019/05/31/", "/2019-05-31-", "/20190531/" in an address: the day a post was filed under. */
export function urlDate(href: string): string | null {
  let path: string;
  try {
    path = new URL(href).pathname;
  } catch {
    return null;
  }
  const m =
    path.match(/\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\/|$|[-_])/) ??
    path.match(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/) ??
    path.match(/\/(\d{4})(\d{2})(\d{2})(?:\/|$|[-_.])/);
  return m ? ymd(+m[1]!, +m[2]!, +m[3]!) : null;
}
