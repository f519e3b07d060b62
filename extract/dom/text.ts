/**
 * textContent-style walking (no innerText: it needs layout, and linkedom has none).
 * Iterative, so a hostile page nested 100,000 levels deep cannot overflow the stack.
 */

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'HEAD',
  'TITLE',
  'MATH',
]);
const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'TR',
  'TABLE',
  'FIGURE',
  'FIGCAPTION',
  'DD',
  'DT',
  'DL',
  'HR',
  'MAIN',
  'ASIDE',
  'NAV',
  'FORM',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
]);
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

/** tagName is upper-case for HTML elements; only XML/SVG ones need the (allocating) conversion. */
const upper = (tag: string) => (tag.charCodeAt(0) > 96 ? tag.toUpperCase() : tag);

/**
 * Visible text of a subtree: block boundaries become line breaks, hidden parts are left out.
 * Walks firstChild/nextSibling rather than a stack of childNodes: the thread snapshot reads 500
 * comments per capture and this walk was half of it (`npm run bench`, captureBlogMs).
 */
export function textOf(root: Node | null | undefined, opts: TextOptions = {}): string {
  if (!root) return '';
  const out: string[] = [];
  let size = 0;
  const limit = opts.limit ?? 400_000;
  const inline = opts.inline === true;
  const isBlock = (n: Node) => !inline && n.nodeType === 1 && BLOCK.has(upper((n as Element).tagName));
  // A block boundary is one paragraph break, written before the next text that follows it: runs of
  // boundaries (nested blocks, a block closing as the next opens) used to give runs of breaks that
  // normaliseText then collapsed, one regex pass per comment of a 500-comment thread.
  let broken = false;
  const put = (t: string) => {
    if (broken && t) {
      if (out.length) out.push('\n\n');
      broken = false;
    }
    out.push(t);
  };
  let n: Node = root;
  for (;;) {
    let into = false;
    const type = n.nodeType;
    if (type === 3) {
      // Source line breaks inside text are spaces in HTML; <pre> keeps its own (handled below).
      const raw = n.nodeValue ?? '';
      // A regex replace per text node was the walk's largest cost; most nodes need none.
      const t =
        raw.includes('\n') || raw.includes('  ') || raw.includes('\t') || raw.includes('\r') || raw.includes('\f')
          ? raw.replace(/[ \t\n\r\f]+/g, ' ')
          : raw;
      put(t);
      size += t.length;
    } else if (type === 1) {
      const el = n as Element;
      const tag = upper(el.tagName);
      // hasAttributes() first: most elements of a text have none, and it saves two lookups each.
      const hidden = el.hasAttributes() && (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true');
      if (!SKIP.has(tag) && !hidden && !(opts.skip && n !== root && opts.skip(el))) {
        if (tag === 'BR') put('\n');
        else if (tag === 'IMG') put(imageText(el));
        else if (tag === 'PRE' && !inline) {
          const t = el.textContent ?? '';
          broken = true;
          put(t);
          broken = true;
          size += t.length;
        } else {
          if (!inline && BLOCK.has(tag)) broken = true;
          if (n !== root && el.firstElementChild === null) {
            // Text alone inside (a paragraph, a link): one native read instead of a step per text node.
            const raw = el.textContent ?? '';
            const t = /[\t\n\r\f]| {2}/.test(raw) ? raw.replace(/[ \t\n\r\f]+/g, ' ') : raw;
            put(t);
            size += t.length;
            if (!inline && BLOCK.has(tag)) broken = true;
          } else into = true;
        }
      }
    } else if (type === 9 || type === 11) into = true;
    if (size >= limit) break;
    if (into && n.firstChild) {
      n = n.firstChild;
      continue;
    }
    // An entered block without children closes at once; then on to the next sibling, closing
    // every block left on the way up, and stop when back at the root.
    if (into && isBlock(n)) broken = true;
    let next: Node | null = n === root ? null : n.nextSibling;
    while (!next && n !== root) {
      n = n.parentNode!;
      if (isBlock(n)) broken = true;
      if (n !== root) next = n.nextSibling;
    }
    if (!next) break;
    n = next;
  }
  // Blocks without any text still read as whitespace, not as nothing (callers fall back on '').
  return out.join('') || (broken ? '\n\n' : '');
}
