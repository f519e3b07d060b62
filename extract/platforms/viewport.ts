/** The one layout read of the module: which post is nearest the middle of the viewport. */
import type { Found } from '../types';

/**
 * Toolbar capture on a timeline means "the post I am looking at". getBoundingClientRect is
 * read here only; in Node (linkedom) every rect is zero or missing, so the first post wins.
 */
export function nearestViewportMiddle(found: Found[]): Found | undefined {
  const view = found[0]?.el?.ownerDocument?.defaultView;
  const h = typeof view?.innerHeight === 'number' ? view.innerHeight : 0;
  if (!h) return found[0];
  let best: Found | undefined;
  let bestDist = Infinity;
  for (const f of found) {
    const el = f.el as (Element & { getBoundingClientRect?: () => DOMRect }) | null;
    if (!el || typeof el.getBoundingClientRect !== 'function') continue;
    let r: DOMRect;
    try { r = el.getBoundingClientRect(); } catch { continue; }
    if (!r || (r.height === 0 && r.top === 0)) continue;
    const dist = r.top <= h / 2 && r.bottom >= h / 2 ? 0 : Math.min(Math.abs(r.top - h / 2), Math.abs(r.bottom - h / 2));
    if (dist < bestDist) { bestDist = dist; best = f; }
  }
  return best ?? found[0];
}
