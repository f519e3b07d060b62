/**
 * Where an article ends: a heading such as "Related posts", "Lees ook", "Ähnliche Beiträge",
 * "À lire aussi" or "Te puede interesar" inside the body starts a list of other articles, a
 * newsletter box or the comments. That heading and everything after it in its block are left out
 * of the article's text, in the five languages the webcare teams work in.
 */
const END_HEADING = new RegExp(
  '^(' +
    [
      // en
      'related( (articles?|posts?|stories|content|reading|links))?',
      'read (more|also|next)( on .*| about .*)?',
      'more (from|on|about|stories|articles|news|like this|in) ?.*',
      'you (may|might) also (like|enjoy)',
      'recommended( for you| stories| articles)?',
      'also read',
      'popular( (posts|stories|articles))?',
      'trending( now)?',
      '(latest|top) (news|stories|articles|posts)',
      'most (read|popular|viewed)',
      'share this( (article|post|story))?',
      '(sign up|subscribe)( (for|to) .*)?',
      'leave a (reply|comment)',
      '\\d* ?(comments?|responses?|replies)( \\(\\d+\\))?',
      // nl
      'lees (ook|meer|verder)( .*)?',
      'meer (nieuws|over|artikelen|lezen)( .*)?',
      'gerelateerde? (artikelen|berichten|nieuws)?',
      'ook interessant',
      '(meest )?gelezen',
      'aanbevolen( artikelen)?',
      '\\d* ?reacties?( \\(\\d+\\))?',
      'plaats een reactie',
      'nieuwsbrief',
      'deel dit (artikel|bericht)',
      // de
      'ähnliche (beiträge|artikel|themen)',
      '(das )?könnte (sie|dich) auch interessieren( \\.\\.\\.|…)?',
      'mehr zum thema( .*)?',
      'weitere (artikel|beiträge|nachrichten|themen)( .*)?',
      'auch interessant',
      'lesen sie (auch|mehr)( .*)?',
      'meistgelesen(e artikel)?',
      '\\d* ?kommentare?( \\(\\d+\\))?',
      'verwandte (artikel|beiträge)',
      'diese geschichte teilen',
      // fr
      '(à )?lire (aussi|également)',
      'sur le même (sujet|thème)',
      'articles? (similaires|liés|connexes|recommandés)',
      'vous (aimerez|pourriez aimer) aussi',
      '\\d* ?commentaires?( \\(\\d+\\))?',
      'les plus lus',
      'à voir aussi',
      'laisser un commentaire',
      // es
      '(te|le) puede interesar',
      'también te puede interesar',
      '(lee|leer|lea) (también|más)',
      '(noticias|artículos) relacionad[oa]s',
      'más noticias',
      '\\d* ?comentarios?( \\(\\d+\\))?',
      'lo más (leído|visto)',
      'deja un comentario',
      // everywhere
      'newsletter',
    ].join('|') +
    ')[\\s:.!…]*$',
  'i',
);

const CANDIDATES = 'h2, h3, h4, h5, h6, [role="heading"]';

/**
 * Elements of `el` from the first end-of-article heading on: the heading, its following
 * siblings, and — when the heading opens a box of its own — that box and the boxes after it.
 */
export function endOfArticle(el: Element): Set<Element> {
  const out = new Set<Element>();
  const hs = el.querySelectorAll(CANDIDATES);
  for (let i = 0; i < hs.length && i < 400; i++) {
    const h = hs[i]!;
    if (out.has(h)) continue;
    const t = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!t || t.length > 60 || !END_HEADING.test(t)) continue;
    // A heading with paragraphs of text after it inside the same box is a section of the article.
    let box: Element = h;
    while (box.parentElement && box.parentElement !== el && box.parentElement.firstElementChild === box)
      box = box.parentElement;
    const rest: Element[] = [];
    for (let s: Element | null = box.nextElementSibling; s; s = s.nextElementSibling) rest.push(s);
    // "Related" over paragraphs of prose is a section of the article; over a list of links it is not.
    if (!ALWAYS_END.test(t) && !listOfLinks(rest)) continue;
    out.add(box);
    for (const s of rest) out.add(s);
  }
  return out;
}

const ALWAYS_END =
  /comment|reactie|kommentar|commentaire|comentario|reply|repl|newsletter|nieuwsbrief|subscribe|sign up/i;

function listOfLinks(els: Element[]): boolean {
  let len = 0;
  let links = 0;
  for (const e of els) {
    len += (e.textContent ?? '').trim().length;
    const as = e.querySelectorAll('a');
    for (let i = 0; i < as.length; i++) links += (as[i]!.textContent ?? '').trim().length;
  }
  return len < 400 || links / len >= 0.3;
}
