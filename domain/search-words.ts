/**
 * The words a case is found by in the queue's search: its author's name and handle, its title and
 * the start of its text, lower-cased and without accents ("Café" is found by "cafe"). The queue
 * asks the case database's multi-entry `words` index for every word starting with what the agent
 * typed, so a word is stored once per case, never each of its prefixes. Zod-free.
 */

/** Words shorter than this are not stored (nor searched for: "a", "é"). */
export const MIN_WORD = 2;
/** At most this many distinct words per case: a long blog post must not bloat the index. */
export const MAX_WORDS = 150;

const WORD = /[\p{L}\p{N}]+/gu;

/** One word as stored and as searched: lower case, accents dropped. */
export function foldWord(w: string): string {
  return w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The distinct words of the given texts, in order of first appearance, at most MAX_WORDS. */
export function wordsOf(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const m of foldWord(text).matchAll(WORD)) {
      if (m[0].length < MIN_WORD) continue;
      out.add(m[0]);
      if (out.size >= MAX_WORDS) return [...out];
    }
  }
  return [...out];
}

/**
 * A handle is also stored whole ("user@mastodon.social", "marloesdv"), so typing it as shown
 * finds it; its parts come from wordsOf.
 */
export function handleWords(handle: string | null | undefined): string[] {
  if (!handle) return [];
  const whole = foldWord(handle.replace(/^@/, ''));
  return whole.length >= MIN_WORD ? [whole] : [];
}

/** What the agent typed as search prefixes: each must start a word of the case. */
export function searchPrefixes(query: string): string[] {
  const words = new Set<string>();
  for (const part of query.trim().split(/\s+/)) {
    const handle = part.replace(/^@/, '');
    // "user@host" is searched as typed (the whole handle); anything else by its words.
    if (/[@.]/.test(handle) && handle.length >= MIN_WORD) words.add(foldWord(handle));
    else for (const w of wordsOf(handle)) words.add(w);
  }
  return [...words];
}
