import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MentionSchema } from '../../domain/mention';
import { THREAD_COMMENT_MAX_CHARS, THREAD_MAX_COMMENTS } from '../../domain/thread';
import { extractMention } from '../../extract/index';
import { blogPost } from '../../bench/pages/blog-500';

const POST = 'https://marloes.blog.example/2026/11/three-weeks-without-internet/';
const now = new Date('2026-11-23T12:00:00.000Z');

/** A WordPress post with the given comment <li>s (core markup, as bench/pages/blog-500.ts writes it). */
function wordpress(comments: string): Document {
  const page = blogPost(POST, 1).replace(
    /<ol class="comment-list">[\s\S]*?<\/ol><div id="respond"/,
    `<ol class="comment-list">${comments}</ol><div id="respond"`,
  );
  return parseHTML(page).document as unknown as Document;
}
const li = (id: number, body: string, extra = '') =>
  `<li id="comment-${id}" class="comment"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${extra || `Reader ${id}`}</b></div><div class="comment-metadata"><a href="${POST}#comment-${id}"><time datetime="2026-11-20T10:00:00+01:00">20 Nov</time></a></div></footer><div class="comment-content">${body}</div></article></li>`;

describe('thread snapshot of a captured post (the post and all its comments)', () => {
  it('keeps every comment of a 500-comment post, with replies pointing at their parent, and passes the schema', () => {
    const { document } = parseHTML(blogPost(POST, 500));
    const m = extractMention(document as unknown as Document, { url: POST, now });
    expect(m.kind).toBe('post');
    expect(m.thread?.found).toBe(500);
    expect(m.thread?.comments).toHaveLength(500);
    expect(m.thread?.truncated).toBe(false);
    // Every 5th comment answers the one before it (bench/pages/blog-500.ts).
    expect(m.thread?.comments[4]).toMatchObject({
      id: 'comment-1004',
      replyTo: `${POST}#comment-1003`,
      author: { name: 'Reader 4', profileUrl: 'https://reader4.example/' },
    });
    expect(m.thread?.comments[0]?.replyTo).toBeNull();
    expect(MentionSchema.safeParse(m).success).toBe(true);
  });

  it(`stops at ${THREAD_MAX_COMMENTS.toLocaleString('en')} comments and cuts a huge comment, saying so`, () => {
    const many = Array.from({ length: THREAD_MAX_COMMENTS + 5 }, (_, i) => li(i + 1, '<p>Same here.</p>')).join('');
    const m = extractMention(wordpress(many), { url: POST, now });
    expect(m.thread).toMatchObject({ found: THREAD_MAX_COMMENTS + 5, truncated: true });
    expect(m.thread?.comments).toHaveLength(THREAD_MAX_COMMENTS);

    const huge = extractMention(
      wordpress(li(1, `<p>${'a'.repeat(THREAD_COMMENT_MAX_CHARS * 3)}</p>`) + li(2, '<p>short</p>')),
      { url: POST, now },
    );
    expect(huge.thread?.comments[0]?.text).toHaveLength(THREAD_COMMENT_MAX_CHARS);
    expect(huge.thread?.comments[1]?.text).toBe('short');
    expect(huge.thread?.truncated).toBe(true);
    // A comment exactly at the limit is kept whole: nothing was left out.
    const exact = extractMention(wordpress(li(1, `<p>${'a'.repeat(THREAD_COMMENT_MAX_CHARS)}</p>`)), {
      url: POST,
      now,
    });
    expect(exact.thread?.comments[0]?.text).toHaveLength(THREAD_COMMENT_MAX_CHARS);
    expect(exact.thread?.truncated).toBe(false);
  });

  it('keeps hostile comments as inert text, drops non-http links, escapes invisible characters', () => {
    const hostile = li(1, '<p>&lt;img src=x onerror=alert(1)&gt; Acme\u200Bsucks</p><script>alert(2)</script>').replace(
      `href="${POST}#comment-1"`,
      'href="javascript:alert(3)"',
    );
    const m = extractMention(wordpress(hostile), { url: POST, now });
    const c = m.thread!.comments[0]!;
    expect(c.text).toBe('<img src=x onerror=alert(1)> Acme[U+200B]sucks');
    // The javascript: link is refused; the comment's id gives it a permalink on the post.
    expect(c.url).toBe(`${POST}#comment-1`);
    expect(MentionSchema.safeParse(m).success).toBe(true);
    // An id too long for a permalink leaves the comment without one, not the mention invalid.
    const long = extractMention(
      wordpress(
        li(1, '<p>x</p>')
          .replace('id="comment-1"', `id="comment-1${'9'.repeat(5000)}"`)
          .replace(`href="${POST}#comment-1"`, 'href="javascript:0"'),
      ),
      { url: POST, now },
    );
    expect(long.thread?.comments[0]?.url).toBeNull();
    expect(MentionSchema.safeParse(long).success).toBe(true);
  });

  it('is absent for a comment, a link capture and a page without comments', () => {
    const doc = wordpress(li(1, '<p>First</p>') + li(2, '<p>Second</p>'));
    expect(extractMention(doc, { url: POST, now }).thread?.comments).toHaveLength(2);
    const comment = extractMention(doc, { url: POST, now, target: doc.querySelector('#comment-2 p') });
    expect(comment.kind).toBe('comment');
    expect(comment.thread).toBeUndefined();
    expect(extractMention(doc, { url: POST, now, linkUrl: `${POST}#comment-1` }).thread).toBeUndefined();
    expect(extractMention(wordpress(''), { url: POST, now }).thread).toBeUndefined();
  });
});
