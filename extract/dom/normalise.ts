/**
 * Text normalisation shared by every extractor.
 *
 * Invisible characters are a known trick on social platforms (bidi overrides that flip a handle,
 * zero-width spaces that split a brand name to dodge search). Policy:
 * - names and handles: invisible and bidi controls are removed, whitespace collapsed;
 * - text: each one is replaced by a visible escape "[U+XXXX]" so the agent sees what the page
 *   hid. Two exceptions that browsers render as part of normal text: a zero-width joiner between
 *   two emoji (👩‍💻 sequences) is kept, and the soft hyphen (a hyphenation hint) is dropped.
 */

/** Characters never rendered: zero-width, word joiner, BOM, bidi embeddings/overrides/isolates, marks. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u180E]/g;
const PICTO = /\p{Extended_Pictographic}/u;

/** Text longer than this is cut (documented in extract/README.md); the mention gets a warning. */
export const MAX_TEXT = 100_000;

function escapeInvisible(s: string): string {
  return s.replace(INVISIBLE, (ch, offset: number, all: string) => {
    if (ch === '\u200D') {
      const before = all.codePointAt(Math.max(0, offset - 2)) ?? 0;
      const prev = String.fromCodePoint(before);
      const next = String.fromCodePoint(all.codePointAt(offset + 1) ?? 0);
      // ZWJ inside an emoji sequence is how the emoji renders, not a hidden character.
      if (
        (PICTO.test(prev) || /(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])/u.test(all.slice(Math.max(0, offset - 2), offset))) &&
        PICTO.test(next)
      )
        return ch;
    }
    return `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
  });
}

/**
 * Characters that need the full treatment: soft hyphen, CR, tabs and other spaces, invisibles,
 * line/paragraph separators and anything else String.trim() strips. Text without any (most
 * comments) takes the short path, which gives the same result in three passes instead of eight.
 */
const NEEDS_FULL =
  /[\u00AD\r\t\f\v\u00A0\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u2069\u061C\u3000\uFEFF]/;

/** Body text: lines trimmed, runs of spaces collapsed, at most one blank line, invisibles escaped. */
export function normaliseText(raw: string): string {
  if (!NEEDS_FULL.test(raw)) {
    // Each pass only where it has something to do: includes() is far cheaper than a replace.
    let s = raw.includes('  ') ? raw.replace(/ {2,}/g, ' ') : raw;
    if (s.includes(' \n') || s.includes('\n ')) s = s.replace(/ ?\n ?/g, '\n');
    if (s.includes('\n\n\n')) s = s.replace(/\n{3,}/g, '\n\n');
    return s.trim();
  }
  return normaliseTextFully(raw);
}

/** The full normalisation (exported for the test that holds the short path to the same result). */
export function normaliseTextFully(raw: string): string {
  const s = raw
    .replace(/\u00AD/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v \u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ');
  const lines = s.split('\n').map((l) => l.trim());
  return escapeInvisible(
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
}

/** Anything cleanLine changes: an invisible, a soft hyphen, whitespace other than single inner spaces. */
const LINE_NEEDS_WORK =
  /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u180E]|\s\s|[^\S ]|^ | $/;

/** One-line value (names, titles): invisibles removed, whitespace collapsed; null when empty. */
export function cleanLine(raw: string | null | undefined, max = 500): string | null {
  if (raw == null) return null;
  // Most names need none of the passes below (one per comment of a 500-comment thread).
  if (!LINE_NEEDS_WORK.test(raw)) return raw ? raw.slice(0, max) : null;
  return cleanLineFully(raw, max);
}

/** cleanLine's full passes (exported for the test that holds the short path to the same result). */
export function cleanLineFully(raw: string, max = 500): string | null {
  const s = raw
    .replace(INVISIBLE, '')
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s ? s.slice(0, max) : null;
}

/** Handle without "@", invisibles removed; null when it does not look like a handle. */
export function cleanHandle(raw: string | null | undefined): string | null {
  const s = cleanLine(raw, 200)?.replace(/^@/, '').replace(/\s+/g, '') ?? null;
  return s && /^[\p{L}\p{N}_.\-@]+$/u.test(s) ? s : null;
}

/** Cuts text at MAX_TEXT; returns the warning to add when it did. */
export function capText(text: string): { text: string; warning: string | null } {
  if (text.length <= MAX_TEXT) return { text, warning: null };
  return { text: text.slice(0, MAX_TEXT), warning: `text cut at ${MAX_TEXT.toLocaleString('en')} characters` };
}
