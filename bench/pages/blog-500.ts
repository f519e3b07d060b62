/**
 * A generated WordPress post (default theme markup: article.post > .entry-content, JSON-LD,
 * wp-content assets) with N comments in the core markup: ol.comment-list > li.comment#comment-N >
 * article.comment-body with footer.comment-meta (.comment-author .fn, time[datetime],
 * permalink a[href*="#comment-"]), .comment-content and the reply link; every 5th comment is a
 * reply nested in ol.children.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const WORDS =
  'the router was replaced twice and the connection still drops every evening between eight and ten which makes working from home impossible I called support four times and each time they promised an engineer who never came'.split(
    ' ',
  );

function text(i: number, n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(WORDS[(i * 5 + k * 7) % WORDS.length]!);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function comment(post: string, i: number, now: number, reply: string): string {
  const iso = new Date(now - (500 - i) * 3_600_000).toISOString();
  const name = `Reader ${i % 120}`;
  const paras = Array.from({ length: 1 + (i % 3) }, (_, k) => `<p>${esc(text(i + k, 20 + ((i + k) % 30)))}</p>`).join(
    '',
  );
  return `<li id="comment-${1000 + i}" class="comment ${i % 2 ? 'even' : 'odd'} thread-${i % 2 ? 'even' : 'odd'} depth-1"><article id="div-comment-${1000 + i}" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="/img/avatar/${i}?s=32&amp;d=mm&amp;r=g" class="avatar avatar-32 photo" height="32" width="32" loading="lazy" decoding="async"><b class="fn"><a href="https://reader${i % 120}.example/" class="url" rel="ugc external nofollow">${esc(name)}</a></b> <span class="says">says:</span></div><div class="comment-metadata"><a href="${post}#comment-${1000 + i}"><time datetime="${iso}">${new Date(iso).toDateString()} at 10:${String(i % 60).padStart(2, '0')}</time></a></div></footer><div class="comment-content">${paras}</div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="${post}?replytocom=${1000 + i}#respond" data-commentid="${1000 + i}" data-postid="42" data-belowelement="div-comment-${1000 + i}" data-respondelement="respond" aria-label="Reply to ${esc(name)}">Reply</a></div></article>${reply}</li>`;
}

/** The page's HTML for `post` (its canonical address); `now` fixes the comments' times. */
export function blogPost(post: string, count = 500, now = Date.UTC(2026, 10, 23, 12)): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    // Every 5th comment answers the one before it (nested one level, as WordPress renders it).
    if (i % 5 === 4 && items.length) {
      const prev = items.pop()!;
      items.push(
        prev.replace(
          /<\/li>$/,
          `<ol class="children">${comment(post, i, now, '').replace('depth-1', 'depth-2')}</ol></li>`,
        ),
      );
    } else items.push(comment(post, i, now, ''));
  }
  const body = Array.from({ length: 14 }, (_, k) => `<p>${esc(text(k, 40 + k * 3))} ${esc(text(k + 9, 25))}</p>`).join(
    '\n',
  );
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'BlogPosting',
        headline: 'Three weeks without internet: my Acme Telecom story',
        author: { '@type': 'Person', name: 'Marloes de Vries', url: 'https://blog.example/author/marloes/' },
        datePublished: '2026-11-01T09:00:00+00:00',
        inLanguage: 'en-US',
      },
    ],
  });
  return `<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Three weeks without internet: my Acme Telecom story – Marloes writes</title><meta name="generator" content="WordPress 6.7.1"><link rel="canonical" href="${post}"><meta property="og:title" content="Three weeks without internet: my Acme Telecom story"><meta property="og:type" content="article"><meta property="article:published_time" content="2026-11-01T09:00:00+00:00"><link rel="stylesheet" id="wp-block-library-css" href="/wp-includes/css/dist/block-library/style.min.css?ver=6.7.1" media="all"><link rel="https://api.w.org/" href="/wp-json/"><script type="application/ld+json">${ld.replace(/</g, '\\u003c')}</script></head>
<body class="post-template-default single single-post postid-42 single-format-standard"><div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Marloes writes</a></p><nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/">Home</a></li><li><a href="/about/">About</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="primary" class="site-main"><article id="post-42" class="post-42 post type-post status-publish format-standard hentry category-life"><header class="entry-header"><h1 class="entry-title">Three weeks without internet: my Acme Telecom story</h1><div class="entry-meta"><span class="posted-on">Posted on <a href="${post}" rel="bookmark"><time class="entry-date published" datetime="2026-11-01T09:00:00+00:00">November 1, 2026</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/marloes/">Marloes de Vries</a></span></span></div></header>
<div class="entry-content">${body}</div><footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/life/" rel="category tag">Life</a></span></footer></article>
<div id="comments" class="comments-area"><h2 class="comments-title">${count} thoughts on “Three weeks without internet”</h2><ol class="comment-list">${items.join('\n')}</ol><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment" cols="45" rows="8"></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p></form></div></div></main></div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a></div></footer></div></body></html>`;
}
