/** The layout reads of the module: which post is nearest the middle of the viewport. */
import type { Found } from '../types';

/**
 * Toolbar capture on a timeline means "the post I am looking at". getBoundingClientRect is
 * read here only; in Node (linkedom) every rect is zero or missing, so the first post wins.
 */
export function nearestViewportMiddle(found: Found[]): Found | undefined {
  const view = found[0]?.el?.ownerDocument?.defaultView;
  const h = typeof view?.innerHeight === 'number' ? view.innerHeight : 0;
  if (!h) return found[0];
  const hit = atViewportMiddle(found, view!, h);
  if (hit) return hit;
  let best: Found | undefined;
  let bestDist = Infinity;
  for (const f of found) {
    const el = f.el as (Element & { getBoundingClientRect?: () => DOMRect }) | null;
    if (!el || typeof el.getBoundingClientRect !== 'function') continue;
    let r: DOMRect;
    try {
      r = el.getBoundingClientRect();
    } catch {
      continue;
    }
    if (!r || (r.height === 0 && r.top === 0)) continue;
    const dist =
      r.top <= h / 2 && r.bottom >= h / 2 ? 0 : Math.min(Math.abs(r.top - h / 2), Math.abs(r.bottom - h / 2));
    if (dist < bestDist) {
      bestDist = dist;
      best = f;
    }
  }
  return best ?? found[0];
}

/**
 * One hit test instead of a rect per post (a timeline holds thousands of posts): the post under
 * the viewport's centre, found by walking up from the element there. Undefined when the centre
 * is not on a post (a gap, a side column); then every post's rect is compared.
 */
function atViewportMiddle(found: Found[], view: Window, h: number): Found | undefined {
  const doc = found[0]?.el?.ownerDocument;
  if (!doc || typeof doc.elementFromPoint !== 'function') return undefined;
  let el: Element | null;
  try {
    el = doc.elementFromPoint((view.innerWidth || 0) / 2, h / 2);
  } catch {
    return undefined;
  }
  if (!el) return undefined;
  const byEl = new Map<Element, Found>();
  for (const f of found) if (f.el) byEl.set(f.el, f);
  // The outermost post wins, as in the rect scan (a quoted tweet is part of its quoting tweet).
  let hit: Found | undefined;
  for (let a: Element | null = el; a; a = a.parentElement) hit = byEl.get(a) ?? hit;
  return hit;
}
