/** How bench:extract decides that two values of a field agree (lenient where sources differ in form). */
import { toIso } from '../extract/dom/url';
import { primaryTag } from '../extract/language';

export const FIELDS = ['author', 'handle', 'text', 'published', 'title', 'language'] as const;
export type Field = (typeof FIELDS)[number];
export type Values = Partial<Record<Field, string | null | undefined>>;

/** What one tool returned for a page: the fields, and the texts of the comments it returned apart. */
export interface Output extends Values {
  comments?: string[];
}

export const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]|\[U\+[0-9A-F]{4,5}\]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
/** Letters and digits only: for passages, where tools differ in spaces around inline elements. */
const bare = (s: string) => squash(s).replace(/[^\p{L}\p{N}]+/gu, '');
const person = (s: string) =>
  squash(s)
    .replace(/^(u\/|@)/, '')
    .replace(/^by\s+/, '');

/**
 * author: same person (case, "@"/"u/" prefixes and "By " ignored); handle: same handle;
 * text: the reference's first 32 letters and digits appear in our first 500; published: same minute (a
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
      // Letters and digits only: "(CNN)President" and "(CNN) President" are the same start.
      return bare(got.slice(0, 800)).slice(0, 500).includes(bare(want).slice(0, 32));
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

/** Every passage appears in the text (compared on letters and digits only). */
export function allPresent(text: string | null | undefined, passages: readonly string[]): boolean {
  const hay = bare(text ?? '');
  return passages.every((p) => hay.includes(bare(p)));
}

/** None of the boilerplate strings appears in the text. */
export function nonepresent(text: string | null | undefined, strings: readonly string[]): boolean {
  const hay = squash(text ?? '');
  return strings.every((p) => !hay.includes(squash(p)));
}

/**
 * The article's ground-truth body is the whole text (aeb): at least 90 % of the characters of the
 * text's paragraphs of 30+ characters are paragraphs of the body. A related list, a newsletter box
 * or the next article fails it; a photo caption the body left out does not on its own.
 */
export function mostlyBody(text: string | null | undefined, body: string): boolean {
  const truth = bare(body);
  let inBody = 0;
  let all = 0;
  for (const para of (text ?? '').split(/\n+/)) {
    const b = bare(para);
    if (b.length < 30) continue;
    all += b.length;
    if (truth.includes(b)) inBody += b.length;
  }
  return all > 0 && inBody / all >= 0.9;
}

/** Each expected comment (its first words) is among the comments found, or (libraries) in the text. */
export function commentsFound(out: Output, want: readonly string[], apart: boolean): boolean {
  const starts = want.map((w) => bare(w).slice(0, 40));
  if (apart) {
    const got = (out.comments ?? []).map((c) => bare(c).slice(0, 400));
    return starts.every((s) => got.some((g) => g.includes(s)));
  }
  const hay = bare(out.text ?? '');
  return starts.every((s) => hay.includes(s));
}
