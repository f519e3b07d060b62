/** How bench:extract decides that two values of a field agree (lenient where sources differ in form). */
import { toIso } from '../extract/dom/url';
import { primaryTag } from '../extract/language';

export const FIELDS = ['author', 'handle', 'text', 'published', 'title', 'language'] as const;
export type Field = (typeof FIELDS)[number];
export type Values = Partial<Record<Field, string | null | undefined>>;

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|\[U\+[0-9A-F]{4,5}\]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const person = (s: string) =>
  squash(s)
    .replace(/^(u\/|@)/, '')
    .replace(/^by\s+/, '');

/**
 * author: same person (case, "@"/"u/" prefixes and "By " ignored); handle: same handle;
 * text: the reference's first 40 characters appear in our first 500; published: same minute (a
 * date-only reference: same day); title: equal, or one starts with the other; language: same
 * primary tag. A verified `null` means the right answer is "nothing" (e.g. no author on the page).
 */
export function agree(f: Field, got: string | null | undefined, want: string | null | undefined): boolean {
  if (want == null || want === '') return got == null || got === '';
  if (got == null || got === '') return false;
  switch (f) {
    case 'author':
      return person(got) === person(want);
    case 'handle':
      return person(got) === person(want);
    case 'text':
      return squash(got).slice(0, 500).includes(squash(want).slice(0, 40));
    case 'published': {
      const g = toIso(got);
      const w = toIso(want);
      if (!g || !w) return false;
      return /^\d{4}-\d{2}-\d{2}$/.test(want.trim())
        ? g.slice(0, 10) === w.slice(0, 10)
        : g.slice(0, 16) === w.slice(0, 16);
    }
    case 'title': {
      const g = squash(got);
      const w = squash(want);
      return g === w || (Math.min(g.length, w.length) >= 10 && (g.startsWith(w) || w.startsWith(g)));
    }
    case 'language':
      return primaryTag(got) === primaryTag(want);
  }
}
