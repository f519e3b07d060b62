/** What is never the article's text: tags, roles and class/id names of page furniture. */
/** Parts of an article that are not the article: comments, share bars, reply forms, related lists, ads. */
export const BOILERPLATE =
  /(^|[\s_-])(comments?|commentlist|respond|reply-?form|comment-?form|share|sharing|sharedaddy|social|related|jp-relatedposts|sidebar|newsletter|subscribe|signup|subscription|advert|advertisement|ads?|ad-?(wrapper|slot|container|unit|label|box)|dfp|promo|breadcrumbs?|byline|post-?meta|entry-?meta|entry-?footer|post-?footer|tags|author-?bio|author-?box|nav|navigation|pagination|footnotes-?nav|cookie|disqus|popup|modal|read-?more|more-?(stories|articles|news|posts)|recommend(ed|ations)?|next-?(post|article|story)|taboola|outbrain|trending|also-?read|print|print-?(header|footer|only)|printfooter|hidden-print)([\s_-]|$)/i;
export const NON_CONTENT_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'HEADER', 'H1', 'FIGCAPTION']);

export function isBoilerplate(el: Element): boolean {
  if (NON_CONTENT_TAGS.has(el.tagName.toUpperCase())) return true;
  const idc = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
  if (idc.length > 2 && idc.length < 400 && BOILERPLATE.test(idc)) return true;
  const role = el.getAttribute('role');
  return role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner';
}
