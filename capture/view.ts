/**
 * Where the captured post is on screen, for the evidence image (evidence/README.md). Runs in the
 * page's isolated world, so it imports nothing: `measureRemembered` is also injected on its own
 * (scripting.executeScript with `func`) right before the image is taken, and must be
 * self-contained. Every number it returns is the page's word: the background checks it.
 */

/** The element of a capture and where it is on screen, in CSS px, as the page reports it. */
export interface CaptureView {
  /** Names the captured element in this page, so the box can be measured again when the image is taken. */
  token: string;
  /** The element's border box relative to the viewport; null when the mention is the whole page's. */
  box: { x: number; y: number; width: number; height: number } | null;
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  /** The page's address when measured: a page that navigated since is not the captured one. */
  url: string;
}

/** Elements of recent captures, by token, in the isolated world (never the page's own globals). */
declare global {
  var __complaintCaptureViews: Map<string, WeakRef<Element> | null> | undefined;
}

/** How many captures of one page are remembered (a burst of shortcut captures on one timeline). */
const KEEP = 20;

/** Remembers the captured element (null: the whole page) and returns its token. */
export function rememberElement(el: Element | null): string {
  const bytes = new Uint8Array(16);
  // getRandomValues works on http pages too (randomUUID needs a secure context).
  crypto.getRandomValues(bytes);
  const token = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  const views = (globalThis.__complaintCaptureViews ??= new Map());
  views.set(token, el ? new WeakRef(el) : null);
  while (views.size > KEEP) views.delete(views.keys().next().value!);
  return token;
}

/**
 * The remembered element's box now, or null when the token is unknown here (another page) or the
 * element has left the document (the page re-rendered it). Self-contained: injected on its own.
 */
export function measureRemembered(token: string): CaptureView | null {
  const views = globalThis.__complaintCaptureViews;
  if (!views || !views.has(token)) return null;
  const ref = views.get(token);
  const el = ref ? ref.deref() : null;
  if (ref && (!el || !el.isConnected)) return null;
  let box: CaptureView['box'] = null;
  if (el) {
    const r = el.getBoundingClientRect();
    box = { x: r.left, y: r.top, width: r.width, height: r.height };
  }
  return {
    token,
    box,
    viewport: { width: innerWidth, height: innerHeight },
    devicePixelRatio,
    url: location.href,
  };
}
