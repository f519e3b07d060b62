/**
 * Comment sections, forum threads and review lists on any site, recognised from common markup
 * rather than one platform's: schema.org Comment / Answer / Review microdata, id/class naming a
 * comment ("comment-123", li.comment, .reactie, .kommentar, .review), and the items of a list
 * under a heading such as "Reacties", "Comments", "Kommentare", "Commentaires", "Comentarios",
 * "Reviews" or "Answers". Forum threads: the posts of the thread, the first being its starter.
 */
import type { CommentSpec } from './comments';
import { documentOrder } from './order';

export const GENERIC_COMMENTS: CommentSpec = {
  item: '',
  author:
    '[itemprop="author"] [itemprop="name"], [itemprop="author"], [itemprop="creator"] [itemprop="name"], [itemprop="creator"], [data-consumer-name-typography], .hnuser, a.username, .username, .username-coloured, .comment-user, .comment-author .fn, .fn, .comment-author strong, .comment-author b, .comment-author, [class*="author"], [class*="Author"], [class*="username"], [class*="user-name"], [class*="userName"], [class*="nickname"], [class*="consumer-name"], [data-author], cite, [class*="name"], header strong, header b',
  profile:
    '[itemprop="author"] a[href], .comment-author a[href], [class*="author"] a[href], a[class*="author"], a[class*="user"], a[href*="/user"], a[href*="/member"], a[href*="/profile"], a[href*="/users/"]',
  time: 'time[datetime], .age[title], [class*="time"][title], [itemprop="dateCreated"], [itemprop="datePublished"], [itemprop="commentTime"], [class*="date"], [class*="Date"], [class*="time"], abbr[title]',
  text: '[itemprop="text"], [itemprop="commentText"], [itemprop="reviewBody"], [itemprop="articleBody"], [data-service-review-text-typography], .comment-copy, .commtext, .postbody .content, [class*="comment-body"], .comment-content, .comment-body, .comment-text, [class*="comment-content"], [class*="message-body"], [class*="messageContent"], [class*="post-body"], [class*="postbody"], [class*="post_body"], [class*="review-text"], [class*="review-body"], [class*="review-content"], [class*="content"], [class*="body"], [class*="text"]',
  link: 'a[data-review-title-typography], a[href*="/reviews/"], a[href*="#comment"], a[href*="#c"], a[href*="#post"], a[href*="#answer"], a[href*="#review"], a[rel="bookmark"], a.js-share-link, a[class*="permalink"], [class*="permalink"] a',
  notText:
    '.comment-meta, .comment-metadata, .comment-author, .vcard, .reply, .comment-reply-link, [class*="actions"], [class*="footer"], [class*="meta"], [itemprop="author"], [class*="author"], [class*="user-info"], [class*="userinfo"], [class*="username"], [class*="date"], time, [class*="rating"], [class*="stars"], .children, [class*="signature"], header, [class*="links"]',
  rating: '[itemprop="reviewRating"], [data-rating], [data-service-review-rating], [class*="rating"], [class*="stars"]',
};

/** Tokens of a class attribute that name one comment, answer or review. */
const ITEM_CLASS = new Set([
  'comment-item',
  'commentItem',
  'c-comment',
  'reactie',
  'kommentar',
  'review-item',
  'review',
  'answer',
]);
/** Lists whose <li> children are comments. */
const LIST_CLASS = new Set(['comment-list', 'commentlist', 'comments-list', 'reacties']);
const ITEM_PROPS = new Set(['comment', 'suggestedAnswer', 'acceptedAnswer', 'review']);
const POST_CLASS = new Set(['message--post', 'topic-post', 'postbit', 'postbitlegacy', 'forumpost', 'forum-post']);

interface Scan {
  items: Element[];
  posts: Element[];
}
const scans = new WeakMap<Document, Scan>();

/**
 * One pass over the page's elements, reading id, class and microdata by hand: a selector list of
 * thirty attribute tests cost 200–400 ms a page in linkedom, and the same walk serves both lists.
 */
function scan(doc: Document): Scan {
  const hit = scans.get(doc);
  if (hit) return hit;
  const out: Scan = { items: [], posts: [] };
  // querySelectorAll('*'), not getElementsByTagName('*'): linkedom returns nothing for the latter.
  const all = doc.querySelectorAll('*');
  for (let i = 0; i < all.length && i < 200_000; i++) {
    const el = all[i]!;
    if (!el.hasAttributes()) continue;
    const tag = el.tagName.toUpperCase();
    const id = el.getAttribute('id') ?? '';
    const cls = (el.getAttribute('class') ?? '').split(/\s+/);
    const type = el.getAttribute('itemtype') ?? '';
    const prop = el.getAttribute('itemprop') ?? '';
    if (
      /DiscussionForumPosting|schema\.org\/Question/.test(type) ||
      cls.some((c) => POST_CLASS.has(c)) ||
      // phpBB div.post#p123, vBulletin #post123 / #post_123; not WordPress's article#post-123.
      (cls.includes('post') && tag !== 'ARTICLE' && /^(post_?\d+|p\d+)$/.test(id)) ||
      ((tag === 'DIV' || tag === 'LI') && /^post_\d/.test(id)) ||
      id === 'question' ||
      (cls.includes('question') && (!!id || el.hasAttribute('data-questionid')))
    ) {
      out.posts.push(el);
      continue;
    }
    const parentCls = (tag === 'LI' && el.parentElement?.getAttribute('class')) || '';
    if (
      /schema\.org\/(Comment|Answer|Review)\b/.test(type) ||
      prop.split(/\s+/).some((p) => ITEM_PROPS.has(p)) ||
      (tag === 'TR' && cls.includes('comtr')) ||
      (cls.includes('comment') && (tag === 'LI' || tag === 'ARTICLE' || tag === 'DIV')) ||
      cls.some((c) => ITEM_CLASS.has(c)) ||
      (parentCls && parentCls.split(/\s+/).some((c) => LIST_CLASS.has(c) || c === 'comments')) ||
      // "comment-form", "comments-title", "answer-box": an id naming a comment holds its number.
      (/^(comment[-_]|answer-)/.test(id) && /\d/.test(id)) ||
      el.hasAttribute('data-comment-id') ||
      el.hasAttribute('data-review-id') ||
      el.hasAttribute('data-service-review-card-paper')
    )
      out.items.push(el);
  }
  scans.set(doc, out);
  return out;
}

const HEADING =
  /^(\d+\s+)?(reacties?|comments?|kommentare?|commentaires?|comentarios?|reviews?|beoordelingen|recensies|bewertungen|rezensionen|kundenbewertungen|avis( clients)?|opiniones|reseñas|answers?|antwoorden|antworten|réponses|respuestas|replies)(\s*\(\d+\))?[\s:]*$/i;
/** Forms and their boxes: "Leave a reply", "Schreibe einen Kommentar". */
const NOT_ITEM = 'form, #respond, .comment-respond, .comment-form, [class*="comment-form"], [id*="comment-form"]';

const textLen = (el: Element) => (el.textContent ?? '').trim().length;

/** Placeholders and buttons that share a comment's class: "Reply", "No comments yet", "0 Comments". */
const EMPTY =
  /^(\d+\s+)?(reply|replies|antworten|reageer|répondre|responder|comments?|leave (a )?comments?|there are (currently )?no comments.*|no comments( yet)?.*|be the first.*|geen reacties.*|keine kommentare.*)$/i;
const WHO_OR_WHEN =
  '[itemprop="author"], [class*="author"], [class*="Author"], [class*="user"], [class*="name"], .fn, cite, time, [class*="date"], [class*="time"], [itemprop="dateCreated"], [itemprop="datePublished"]';

/**
 * A comment says something and says who or when: an item without either (a teaser titled
 * "Comment: …" in a news list, an author box) is not one, unless schema.org says it is.
 */
function looksLikeComment(el: Element): boolean {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length < 10 || EMPTY.test(text)) return false;
  if (el.hasAttribute('itemprop') || el.hasAttribute('itemtype')) return true;
  if (/\d/.test(el.id) || el.hasAttribute('data-comment-id') || el.hasAttribute('data-review-id')) return true;
  return !!el.querySelector(WHO_OR_WHEN);
}

/** Comments, answers and reviews on the page, in page order, outside the article body `article`. */
export function commentItems(doc: Document, article: Element | null): Element[] {
  const found = new Set<Element>(scan(doc).items.slice(0, 5000));
  const hs = doc.querySelectorAll('h2, h3, h4');
  for (let i = 0; i < hs.length && i < 200; i++) {
    const h = hs[i]!;
    if (!HEADING.test((h.textContent ?? '').replace(/\s+/g, ' ').trim())) continue;
    let list: Element | null = h.nextElementSibling;
    if (!list && h.parentElement) list = h.parentElement.nextElementSibling;
    if (!list || list.tagName === 'FORM') continue;
    const kids = Array.from(list.children).filter(
      (k) => /^(ARTICLE|LI|DIV|SECTION)$/.test(k.tagName) && textLen(k) >= 20,
    );
    if (kids.length && kids.every((k) => k.tagName === kids[0]!.tagName)) for (const k of kids) found.add(k);
  }
  let items = Array.from(found).filter(
    (el) => !(article && article.contains(el)) && !el.closest(NOT_ITEM) && looksLikeComment(el),
  );
  // A wrapper around one comment (li > article.comment-body) is that comment: keep the inner one.
  const set = new Set(items);
  items = items.filter((el) => {
    const inner = items.filter((o) => o !== el && el.contains(o) && set.has(o));
    return !(inner.length === 1 && textLen(inner[0]!) >= textLen(el) * 0.8);
  });
  const at = documentOrder(doc);
  return items.sort((a, b) => at(a) - at(b));
}

/**
 * The posts of a forum or Q&A thread, starter first, when the page is one: two or more posts, or
 * one posting (a question) with comments or answers below it.
 */
export function forumPosts(doc: Document): Element[] {
  const all = scan(doc).posts.slice(0, 3000);
  // Posts inside a post (a quoted post) are part of it; the list is in page order.
  const top: Element[] = [];
  for (const el of all) if (!top.some((o) => o.contains(el))) top.push(el);
  return top;
}
