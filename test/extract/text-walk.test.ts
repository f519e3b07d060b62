import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../extract/dom/text';
import { normaliseText } from '../../extract/dom/normalise';

/**
 * textOf writes one paragraph break per run of block boundaries and reads an element holding only
 * text with one textContent (both for speed: a 500-comment thread is read on every capture). The
 * walk it replaced wrote a break at every block's start and end and stepped through every text
 * node; this test keeps that walk as the reference and holds the two equal after normalisation
 * (which every caller applies), and equal in being empty or not (callers fall back on '').
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'BUTTON']);
const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'BLOCKQUOTE', 'SECTION', 'H2', 'PRE']);

function referenceTextOf(root: Node, opts: { inline?: boolean; skip?: (e: Element) => boolean } = {}): string {
  const out: string[] = [];
  const inline = opts.inline === true;
  const isBlock = (n: Node) => !inline && n.nodeType === 1 && BLOCK.has((n as Element).tagName.toUpperCase());
  let n: Node = root;
  for (;;) {
    let into = false;
    if (n.nodeType === 3) out.push((n.nodeValue ?? '').replace(/[ \t\n\r\f]+/g, ' '));
    else if (n.nodeType === 1) {
      const el = n as Element;
      const tag = el.tagName.toUpperCase();
      const hidden = el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
      if (!SKIP.has(tag) && !hidden && !(opts.skip && n !== root && opts.skip(el))) {
        if (tag === 'BR') out.push('\n');
        else if (tag === 'IMG')
          out.push(/\p{Extended_Pictographic}/u.test(el.getAttribute('alt') ?? '') ? el.getAttribute('alt')! : '');
        else if (tag === 'PRE' && !inline) out.push('\n\n', el.textContent ?? '', '\n\n');
        else {
          if (!inline && BLOCK.has(tag)) out.push('\n\n');
          into = true;
        }
      }
    } else if (n.nodeType === 9 || n.nodeType === 11) into = true;
    if (into && n.firstChild) {
      n = n.firstChild;
      continue;
    }
    if (into && isBlock(n)) out.push('\n\n');
    let next: Node | null = n === root ? null : n.nextSibling;
    while (!next && n !== root) {
      n = n.parentNode!;
      if (isBlock(n)) out.push('\n\n');
      if (n !== root) next = n.nextSibling;
    }
    if (!next) break;
    n = next;
  }
  return out.join('');
}

/** Deterministic random HTML (mulberry32), so a failure can be replayed from its seed. */
function randomHtml(seed: number): string {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const texts = ['Hello', ' world ', '\n  indented\n', '  ', '', 'a  b', 'x\ty', '😀', 'end.'];
  const node = (depth: number): string => {
    const r = rnd();
    if (depth > 3 || r < 0.35) return pick(texts);
    if (r < 0.4) return '<br>';
    if (r < 0.43) return `<img alt="${pick(['😀', 'logo', ''])}">`;
    if (r < 0.46) return `<pre>${pick(texts)}\n${pick(texts)}</pre>`;
    if (r < 0.49) return `<script>${pick(texts)}</script>`;
    const tag = pick(['p', 'div', 'span', 'a', 'em', 'li', 'blockquote', 'b']);
    const attr = rnd() < 0.08 ? ' hidden' : rnd() < 0.08 ? ' aria-hidden="true"' : rnd() < 0.1 ? ' class="skip"' : '';
    const kids = Array.from({ length: Math.floor(rnd() * 4) }, () => node(depth + 1)).join('');
    return `<${tag}${attr}>${kids}</${tag}>`;
  };
  return `<div id="root">${Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => node(0)).join('')}</div>`;
}

describe('textOf (one break per run of block boundaries, one read per text-only element)', () => {
  it('reads the same text as the step-by-step walk, after normalisation, on 2,000 random trees', () => {
    const skip = (e: Element) => e.classList.contains('skip');
    for (let seed = 1; seed <= 2000; seed++) {
      const root = parseHTML(`<html><body>${randomHtml(seed)}</body></html>`).document.getElementById('root')!;
      for (const opts of [{}, { inline: true }, { skip }]) {
        const got = textOf(root, opts);
        const want = referenceTextOf(root, opts);
        expect(normaliseText(got), `seed ${seed} ${JSON.stringify(opts)}`).toBe(normaliseText(want));
        expect(got === '', `seed ${seed}: empty or not`).toBe(want === '');
      }
    }
  });

  it('writes one paragraph break between blocks, and none around the text', () => {
    const root = parseHTML(
      '<div id="r"><div><p>One</p><p>Two <em>three</em></p></div><p>Four</p></div>',
    ).document.getElementById('r')!;
    expect(textOf(root)).toBe('One\n\nTwo three\n\nFour');
  });
});
