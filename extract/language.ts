/**
 * Language: the page's lang attributes first (the post element's, then <html>), then detection.
 * Detector: tinyld/light, chosen by `scripts/bench-language.ts` — same accuracy as franc-min on the
 * corpus (155/172) and on short en/nl/es/de/fr complaints (14/14), ~1.7 ms per 2,000 characters,
 * 69 KB in one file without dependencies (franc-min: 3 packages, ISO-639-3 codes to map).
 * In the extension the injected /capture.js is built without tinyld (it builds its tables at load,
 * on every capture): there detection finds nothing, and the background detects from the mention's
 * text instead (background/capture-tab.ts). Node, the tests and the bench page detect here.
 */
import { detect } from 'tinyld/light';

/** "en-US" → "en"; null for anything that is not a language tag (e.g. "x-default", "und"). */
export function primaryTag(raw: string | null | undefined): string | null {
  const m = raw
    ?.trim()
    .toLowerCase()
    .match(/^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/);
  if (!m || m[1] === 'und' || m[1] === 'zxx' || m[1] === 'qme' || m[1] === 'qht') return null;
  return m[1]!;
}

/** Too little text says nothing reliable about its language. */
const MIN_CHARS = 20;
/** Enough to decide; keeps detection under ~2 ms whatever the text's length. */
const SAMPLE = 2000;

/** Detected primary tag, or null when the text is too short or the detector is unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_.]+|\[U\+[0-9A-F]+\]/gu, ' ').slice(0, SAMPLE);
  if (sample.replace(/[\s\p{P}\p{S}\p{N}]/gu, '').length < MIN_CHARS) return null;
  try {
    return primaryTag(detect(sample));
  } catch {
    return null;
  }
}
