/**
 * The thread snapshot of a captured post (domain/thread.ts): the page's comments. Kept cheap on
 * purpose — `npm run bench` times extract + save of a post with 500 comments — so no schema parse, no
 * language detection and no draft per comment where the extractor can read the fields directly
 * (Found.brief); other extractors' comments are taken from their drafts.
 */
import { ISO_INSTANT } from '../domain/field-rules';
import { THREAD_COMMENT_MAX_CHARS, THREAD_MAX_CHARS, THREAD_MAX_COMMENTS } from '../domain/thread-limits';
import type { Thread, ThreadComment } from '../domain/thread';
import { cleanHandle, cleanLine, normaliseText } from './dom/normalise';
import { httpUrl, toIso } from './dom/url';
import type { CommentFields, Draft, Found } from './types';

/** Fields → snapshot entry: names cleaned, text normalised and cut (`cut` says so), replies to the post marked null. */
function threadComment(f: CommentFields, postUrl: string | null): { comment: ThreadComment; cut: boolean } {
  // Cut before normalising too: a hostile comment of megabytes should not be normalised whole.
  const long = f.text.length > THREAD_COMMENT_MAX_CHARS * 2;
  const normalised = normaliseText(long ? f.text.slice(0, THREAD_COMMENT_MAX_CHARS * 2) : f.text);
  const text = normalised.slice(0, THREAD_COMMENT_MAX_CHARS);
  const comment: ThreadComment = {
    id: cleanLine(f.id, 200),
    url: f.url,
    replyTo: f.parentUrl === postUrl ? null : f.parentUrl,
    author: { name: cleanLine(f.name, 300), handle: cleanHandle(f.handle ?? null), profileUrl: f.profileUrl },
    text,
    publishedAt: f.publishedAt && ISO_INSTANT.test(f.publishedAt) ? f.publishedAt : toIso(f.publishedAt),
  };
  return { comment, cut: long || text.length < normalised.length };
}

/** A draft's fields, its URLs made absolute (drafts of other extractors may hold relative ones). */
function fieldsOfDraft(d: Draft, url: (raw: string | null) => string | null): CommentFields {
  return {
    id: d.postId,
    url: url(d.url),
    parentUrl: url(d.parentUrl),
    name: d.author.name,
    handle: d.author.handle,
    profileUrl: url(d.author.profileUrl),
    publishedAt: d.publishedAt,
    text: d.text,
    lang: () => d.language,
  };
}

/** The comments among `found` (in page order) as a thread under the post at `postUrl`; undefined when there are none. */
export function threadSnapshot(found: readonly Found[], postUrl: string, pageUrl: string): Thread | undefined {
  const comments = found.filter((f) => (f.kind ?? f.draft.kind) === 'comment');
  if (comments.length === 0) return undefined;
  // Permalinks repeat (every top-level comment answers the post; profiles recur): parse each once.
  const urls = new Map<string, string | null>();
  const url = (raw: string | null) => {
    if (!raw) return null;
    let u = urls.get(raw);
    if (u === undefined) urls.set(raw, (u = httpUrl(raw, pageUrl)));
    return u;
  };
  const out: ThreadComment[] = [];
  let chars = 0;
  let truncated = false;
  for (const f of comments) {
    if (out.length >= THREAD_MAX_COMMENTS || chars >= THREAD_MAX_CHARS) {
      truncated = true;
      break;
    }
    const { comment, cut } = threadComment(f.brief ? f.brief() : fieldsOfDraft(f.draft, url), postUrl);
    if (cut) truncated = true;
    chars += comment.text.length;
    out.push(comment);
  }
  return { comments: out, found: comments.length, truncated };
}
