/**
 * textContent-style walking (no innerText: it needs layout, and linkedom has none).
 * Iterative, so a hostile page nested 100,000 levels deep cannot overflow the stack.
 */

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'HEAD', 'TITLE', 'MATH']);
const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'TR', 'TABLE', 'FIGURE', 'FIGCAPTION', 'DD', 'DT', 'DL', 'HR', 'MAIN', 'ASIDE', 'NAV', 'FORM', 'ADDRESS', 'DETAILS', 'SUMMARY']);
const PICTO = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

export interface TextOptions {
  /** Treat every element as inline (X renders @mentions in display:inline divs). */
  inline?: boolean;
  /** Subtrees to leave out (comments inside a post, share bars, a quoted tweet). */
  skip?: (el: Element) => boolean;
  /** Stop collecting after this many characters (huge pages). */
  limit?: number;
}

/** Alt text of images that stand for characters: emoji images (X, WordPress wp-smiley). */
function imageText(el: Element): string {
  const alt = el.getAttribute('alt') ?? '';
  return alt.length > 0 && alt.length <= 16 && PICTO.test(alt) ? alt : '';
}

/** Visible text of a subtree: block boundaries become line breaks, hidden parts are left out. */
export function textOf(root: Node | null | undefined, opts: TextOptions = {}): string {
  if (!root) return '';
  const out: string[] = [];
  let size = 0;
  const limit = opts.limit ?? 400_000;
  // Stack of nodes to visit; a string entry is text to emit when a block closes.
  const stack: (Node | string)[] = [root];
  while (stack.length > 0 && size < limit) {
    const n = stack.pop()!;
    if (typeof n === 'string') { out.push(n); continue; }
    // Source line breaks inside text are spaces in HTML; <pre> keeps its own (handled below).
    if (n.nodeType === 3) { const t = (n.nodeValue ?? '').replace(/[ \t\n\r\f]+/g, ' '); out.push(t); size += t.length; continue; }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const el = n as Element;
    if (n.nodeType === 1) {
      const tag = el.tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') continue;
      if (opts.skip && n !== root && opts.skip(el)) continue;
      if (tag === 'BR') { out.push('\n'); continue; }
      if (tag === 'IMG') { out.push(imageText(el)); continue; }
      if (tag === 'PRE' && !opts.inline) { const t = el.textContent ?? ''; out.push('\n\n', t, '\n\n'); size += t.length; continue; }
      if (!opts.inline && BLOCK.has(tag)) { out.push('\n\n'); stack.push('\n\n'); }
    }
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out.join('');
}

/** Elements in document order under root matching a predicate, without descending into matches. */
export function findTop(root: ParentNode, selector: string): Element[] {
  const all = Array.from(root.querySelectorAll(selector));
  return all.filter((el) => !all.some((o) => o !== el && o.contains(el)));
}
