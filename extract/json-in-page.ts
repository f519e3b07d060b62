/**
 * JSON the page itself carries in <script> elements (JSON-LD, a site's hydration data): read as
 * data, never run, with a size cap because a hostile page can make these huge.
 */
const MAX_JSON = 3_000_000;

/** Each script matching `selector` parsed as JSON; unreadable ones are skipped. */
export function jsonScripts(doc: Document, selector: string, max = 30): unknown[] {
  const out: unknown[] = [];
  const scripts = doc.querySelectorAll(selector);
  for (let i = 0; i < scripts.length && i < max; i++) {
    const raw = scripts[i]!.textContent ?? '';
    if (!raw.trim() || raw.length > MAX_JSON) continue;
    try {
      out.push(JSON.parse(raw));
    } catch {
      // A broken block says nothing; the DOM is read instead.
    }
  }
  return out;
}

/** Every object in the page's JSON-LD, flattened through arrays and @graph, with its @type as one string. */
export function ldObjects(doc: Document): { type: string; o: Record<string, unknown> }[] {
  const out: { type: string; o: Record<string, unknown> }[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 5 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 500)) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const t = o['@type'];
    out.push({ type: Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '', o });
    if (o['@graph']) walk(o['@graph'], depth + 1);
  };
  for (const data of jsonScripts(doc, 'script[type="application/ld+json"]')) walk(data, 0);
  return out;
}

/** A string field, or null. */
export function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;
}

/** A nested field by path (`get(o, 'author', 'name')`), or undefined. */
export function get(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const k of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
