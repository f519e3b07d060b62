/**
 * Readability's scoring of the article body, trimmed to what decides it on the corpus: paragraphs
 * vote for their ancestors (weighted by tag, class names and link density), the best candidate
 * takes its siblings that belong to it. Containers of page furniture do not vote (`isNoise`).
 */
import { BOILERPLATE, NON_CONTENT_TAGS, isBoilerplate } from './boilerplate';

export interface ArticleBody {
  /** The element whose text is the article (the top candidate, or its parent when siblings join). */
  el: Element;
  /** Children of `el` that are not part of the article (siblings that did not join). */
  skip?: (e: Element) => boolean;
  /** No paragraph scored: `el` is only the page's main region, or its body. */
  fallback?: boolean;
}

const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose/i;
const NEGATIVE =
  /-ad-|hidden|^hid$|\bhid\b|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|teaser-list|newsletter/i;
const CHROME = 'nav, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"]';
const BLOCKS = /^(P|DIV|SECTION|ARTICLE|TABLE|UL|OL|DL|PRE|BLOCKQUOTE|H[1-6]|FIGURE|HEADER|FOOTER|ASIDE|NAV|FORM)$/;

function classWeight(el: Element): number {
  let w = 0;
  for (const v of [el.getAttribute('class'), el.getAttribute('id')]) {
    if (!v) continue;
    if (NEGATIVE.test(v)) w -= 25;
    if (POSITIVE.test(v)) w += 25;
  }
  return w;
}

function tagWeight(el: Element): number {
  switch (el.tagName.toUpperCase()) {
    case 'DIV':
    case 'ARTICLE':
    case 'MAIN':
      return 5;
    case 'PRE':
    case 'TD':
    case 'BLOCKQUOTE':
      return 3;
    case 'ADDRESS':
    case 'OL':
    case 'UL':
    case 'DL':
    case 'DD':
    case 'DT':
    case 'LI':
    case 'FORM':
      return -3;
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6':
    case 'TH':
      return -5;
    default:
      return 0;
  }
}

/** Share of an element's text that is link text (navigation and lists of links score high). */
export function linkDensity(el: Element): number {
  const len = (el.textContent ?? '').length;
  if (!len) return 0;
  let links = 0;
  // getElementsByTagName: a tag walk, several times faster than querySelectorAll in linkedom.
  const as = el.getElementsByTagName('a');
  for (let i = 0; i < as.length; i++) {
    const href = as[i]!.getAttribute('href');
    // In-page anchors (footnotes) count for little, as in Readability.
    links += (as[i]!.textContent ?? '').length * (href && href.startsWith('#') ? 0.3 : 1);
  }
  return Math.min(1, links / len);
}

/** A div or section holding text straight, without block children: a paragraph by another name. */
function isTextBlock(el: Element): boolean {
  const c = el.children;
  for (let i = 0; i < c.length; i++) if (BLOCKS.test(c[i]!.tagName.toUpperCase())) return false;
  return true;
}

/**
 * A container whose paragraphs do not vote: boilerplate, unless its class also says it holds the
 * content ("content-with-sidebar-wrp", "main-column"), as Readability's "ok maybe" names; related
 * lists and comments never hold the article, whatever else their class says.
 */
export function isNoise(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // "widget" is noise in a sidebar, not in page builders that wrap every block in one ("elementor-widget").
  const idc = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`.replace(/widget/gi, '');
  const tagOrRole =
    NON_CONTENT_TAGS.has(el.tagName.toUpperCase()) ||
    /^(navigation|complementary|contentinfo|banner)$/.test(el.getAttribute('role') ?? '');
  if (!tagOrRole && !(idc.length > 2 && idc.length < 400 && (BOILERPLATE.test(idc) || UNLIKELY.test(idc))))
    return false;
  return !MAYBE.test(idc) || ALWAYS_NOISE.test(idc);
}
/** Readability's "unlikely candidates": menus, headers and footers of the page. */
const UNLIKELY =
  /-ad-|ai2html|rodape|fusszeile|voettekst|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /article|body|column|content|main|shadow/i;
const ALWAYS_NOISE = /related|comment|disqus|newsletter|recommend|read-?more|more-?stories|outbrain|taboola/i;

/** Inside a boilerplate region (comments, related lists) below `top`? */
export function inNoise(el: Element, top: Element): boolean {
  for (let a: Element | null = el.parentElement; a && a !== top; a = a.parentElement) if (isNoise(a)) return true;
  return false;
}

/** Readability's scoring, trimmed to what decides the body on the corpus. */
export function scoreArticle(root: Element): ArticleBody | null {
  const scores = new Map<Element, number>();
  const noise = new Map<Element, boolean>();
  const noisy = (el: Element): boolean => {
    const path: Element[] = [];
    let a: Element | null = el;
    let v = false;
    for (; a && a !== root; a = a.parentElement) {
      const hit = noise.get(a);
      if (hit !== undefined) {
        v = hit;
        break;
      }
      path.push(a);
      if (isNoise(a)) {
        v = true;
        break;
      }
    }
    // Everything below a noisy element is noisy; above it is unknown, so only the path gets the value.
    for (const p of path) noise.set(p, v);
    return v;
  };
  const init = (el: Element) => {
    let s = scores.get(el);
    if (s === undefined) {
      // A wrapper that also holds the site's header, menu or footer is the page, whatever its
      // class says ("page", "content-wrapper"): no bonus for its name.
      const w = classWeight(el);
      s = tagWeight(el) + (w > 0 && el.querySelector(CHROME) ? 0 : w);
      scores.set(el, s);
    }
    return s;
  };
  const ps = root.querySelectorAll('p, pre, td, blockquote, div, section, li');
  const n = Math.min(ps.length, 8000);
  for (let i = 0; i < n; i++) {
    const p = ps[i]!;
    const tag = p.tagName.toUpperCase();
    if ((tag === 'DIV' || tag === 'SECTION') && !isTextBlock(p)) continue;
    const text = p.textContent ?? '';
    const len = text.trim().length;
    if (len < 25 || (tag === 'LI' && len < 80) || (tag === 'TD' && len < 80)) continue;
    if (noisy(p)) continue;
    if (tag !== 'P' && linkDensity(p) > 0.5) continue;
    const s = 1 + (text.match(/[,，、]/g)?.length ?? 0) + Math.min(Math.floor(len / 100), 3);
    let a = p.parentElement;
    for (let level = 0; a && level < 5; level++, a = a.parentElement) {
      // The scope itself is no candidate: "the whole page" is the fallback, not a finding.
      if (a === root || a === root.parentElement) break;
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(a, init(a) + s / div);
    }
  }
  if (scores.size === 0) return null;
  // Link density only for the few best: each costs a walk of the candidate's subtree.
  const ranked = Array.from(scores).sort((x, y) => y[1] - x[1]);
  const final = new Map<Element, number>();
  for (const [el, s] of ranked.slice(0, 12)) final.set(el, s * (1 - linkDensity(el)));
  const byFinal = Array.from(final).sort((x, y) => y[1] - x[1]);
  // The best, even when class names ("elementor-widget") pushed every score below zero.
  let top = byFinal[0]![0];
  const topScore = Math.max(byFinal[0]![1], 1);

  // Several near-equal candidates split one article (paragraph groups): take their common ancestor.
  const alts = byFinal.slice(1, 6).filter(([, s]) => s >= topScore * 0.75);
  if (alts.length >= 3) {
    for (let a = top.parentElement; a && a !== root.parentElement; a = a.parentElement) {
      const holds = alts.filter(([el]) => a!.contains(el)).length;
      if (holds >= 3) {
        top = a;
        break;
      }
    }
  }
  // Climb while the parent scores higher (the article is split into several scored blocks).
  const scoreOf = (el: Element) => final.get(el) ?? scores.get(el) ?? 0;
  let last = scoreOf(top);
  const threshold = last / 3;
  for (let p = top.parentElement; p && p !== root.parentElement && p.tagName !== 'BODY'; p = p.parentElement) {
    if (!scores.has(p)) continue;
    const ps2 = scoreOf(p);
    if (ps2 < threshold) break;
    if (ps2 > last) {
      top = p;
      break;
    }
    last = ps2;
  }
  while (top.parentElement && top.parentElement !== root.parentElement && top.parentElement.children.length === 1)
    top = top.parentElement;
  return withSiblings(top, scoreOf(top), scoreOf);
}

/** Readability's sibling step: paragraphs and blocks beside the top candidate that belong to it. */
function withSiblings(top: Element, topScore: number, scoreOf: (el: Element) => number): ArticleBody {
  const parent = top.parentElement;
  if (!parent || parent.tagName === 'BODY' || parent.tagName === 'HTML') return { el: top };
  const min = Math.max(10, topScore * 0.2);
  const cls = top.getAttribute('class') ?? '';
  const joined = new Set<Element>([top]);
  const kids = parent.children;
  for (let i = 0; i < kids.length; i++) {
    const s = kids[i]!;
    if (s === top || isBoilerplate(s)) continue;
    // The next article of an infinite-scroll page, or another story's headline block.
    if ((s.tagName === 'ARTICLE' && top.tagName === 'ARTICLE') || s.querySelector('h1')) continue;
    const bonus = cls && s.getAttribute('class') === cls ? topScore * 0.2 : 0;
    if (scoreOf(s) + bonus >= min) {
      joined.add(s);
      continue;
    }
    if (s.tagName === 'P') {
      const text = (s.textContent ?? '').trim();
      const ld = linkDensity(s);
      if ((text.length > 80 && ld < 0.25) || (text.length > 0 && text.length <= 80 && ld === 0 && /\.( |$)/.test(text)))
        joined.add(s);
    }
  }
  if (joined.size === 1) return { el: top };
  return { el: parent, skip: (e) => e.parentElement === parent && !joined.has(e) };
}
