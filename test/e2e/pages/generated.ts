import { EVIDENCE_SHAPES, evidencePage } from './evidence-pages';

/**
 * Pages made on the fly by the fixture server (too big, or too nasty, to keep as files).
 * Every string here is hostile on purpose: the extension must show it as inert text.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const HOSTILE = {
  name: '<img src="http://evil.invalid/name.png" onerror="alert(1)">\u202EevilName\u200B',
  title: '<script>alert("title")</script> Storing & "quotes"',
  text: 'Klacht <img src="http://evil.invalid/x.png" onerror="alert(2)"> <a href="javascript:alert(3)">klik</a> \u202Egnirts desrever\u202C zero\u200Bwidth =HYPERLINK("http://evil.invalid")',
  profile: 'javascript:alert(4)',
};

export function hostilePage(bigChars = 1_000_000): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>${esc(HOSTILE.title)}</title>
<meta name="author" content="${esc(HOSTILE.name)}">
<meta property="article:published_time" content="2026-11-21T10:00:00Z">
</head><body>
<article class="post">
<h1>${esc(HOSTILE.title)}</h1>
<p class="byline">Door <a rel="author" href="${esc(HOSTILE.profile)}">${esc(HOSTILE.name)}</a></p>
<div class="entry-content">
<p>${esc(HOSTILE.text)}</p>
<p>${'A'.repeat(bigChars)}</p>
</div></article></body></html>`;
}

/** A blog post of about `mb` megabytes of prose. */
export function hugePage(mb: number): string {
  const para = '<p>De storing duurt nu al drie weken en niemand van de klantenservice belt terug, ik verlies elke dag werk. </p>\n';
  const n = Math.ceil((mb * 1024 * 1024) / para.length);
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Heel lang verhaal</title>
<meta name="author" content="Lange Lies"></head><body><article><h1>Heel lang verhaal</h1>
<div class="entry-content">${para.repeat(n)}</div></article></body></html>`;
}

export const GENERATED: Record<string, () => string> = {
  '/generated/hostile.html': () => hostilePage(),
  '/generated/huge.html': () => hugePage(10),
  ...Object.fromEntries(EVIDENCE_SHAPES.map((s) => [`/generated/evidence-${s}.html`, () => evidencePage(s)])),
};

/**
 * An X home timeline in X's own markup (article[data-testid=tweet], User-Name, tweetText, the
 * status link around <time>), each tweet tall enough that "the one in the middle of the view" is
 * unambiguous. Served by Playwright at https://x.com/home (context.route: nothing leaves the machine).
 */
export function xTimeline(count: number): string {
  const tweets = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const id = String(1860000000000000000n + BigInt(n));
    return `<article data-testid="tweet" role="article" tabindex="0" style="min-height:420px;border-bottom:1px solid #ccc">
  <div data-testid="User-Name"><a href="/klant${n}" role="link"><span>Klant ${n}</span></a>
  <a href="/klant${n}" role="link" tabindex="-1"><span>@klant${n}</span></a>
  <a href="/klant${n}/status/${id}" role="link"><time datetime="2026-11-2${n % 3}T0${n % 9}:15:00.000Z">Nov 2${n % 3}</time></a></div>
  <div data-testid="tweetText" lang="nl" dir="auto"><span>Tweet ${n}: mijn pakket is al ${n} dagen zoek en niemand reageert.</span></div>
</article>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home / X</title></head><body>
<main role="main"><div aria-label="Timeline: Your Home Timeline">${tweets}</div></main></body></html>`;
}

/** One tweet of an X status page (the customer's post, or a reply under it). */
export interface XTweet {
  handle: string;
  name: string;
  id: string;
  text: string;
  at: string;
  /** "312 replies, 20 reposts, 15 likes, 48200 views", as X labels its action bar. */
  metrics?: string;
}

/**
 * An X status page in X's own markup: the focal tweet with its action bar, then the replies under
 * it (a brand's webcare account among them, when a test wants one). Served at the focal tweet's
 * real address by Playwright's router.
 */
export function xStatusPage(focal: XTweet, replies: XTweet[] = []): string {
  const tweet = (t: XTweet) => `<article data-testid="tweet" role="article" tabindex="0">
  <div data-testid="User-Name"><a href="/${t.handle}" role="link"><div dir="ltr"><span>${esc(t.name)}</span></div></a>
  <a href="/${t.handle}" role="link" tabindex="-1"><span>@${t.handle}</span></a>
  <a href="/${t.handle}/status/${t.id}" role="link"><time datetime="${t.at}">${t.at}</time></a></div>
  <div data-testid="tweetText" lang="nl" dir="auto"><span>${esc(t.text)}</span></div>
  ${t.metrics ? `<div role="group" aria-label="${esc(t.metrics)}"></div>` : ''}
</article>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(focal.name)} on X</title></head><body>
<main role="main"><div aria-label="Timeline: Conversation">${[focal, ...replies].map(tweet).join('\n')}</div></main></body></html>`;
}
