/**
 * Canonical JSON: the one serialisation of a value, so a hash over it can be recomputed anywhere.
 *
 * - Object members sorted by key, comparing UTF-16 code units (what `Array.prototype.sort` does);
 *   members whose value is `undefined` are left out, as `JSON.stringify` leaves them out.
 * - No whitespace between tokens.
 * - Strings and numbers written exactly as `JSON.stringify` writes them (ECMAScript's
 *   `Number::toString`; `-0` as `0`); a number that is not finite is refused, never turned into null.
 * - The text is then encoded as UTF-8 (the caller does that: `new TextEncoder().encode(...)`).
 *
 * For the values the extension writes (plain objects, arrays, strings, finite numbers, booleans,
 * null) this is RFC 8785 (JSON Canonicalization Scheme). docs/evidence.md shows how to check it
 * outside the extension.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
}

/** Whether `text` is already canonical: it parses, and writing the parsed value again gives the same text. */
export function isCanonicalJson(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
