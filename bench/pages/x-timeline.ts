/**
 * A generated X home timeline of N tweets, with the markup X renders (copied in structure from
 * test/fixtures/pages/x/timeline-jason.html): article[data-testid="tweet"] with User-Name,
 * tweetText, time[datetime] inside the permalink, the metrics group's aria-label and the action
 * buttons; every 7th tweet is a repost (socialContext), every 10th quotes another tweet.
 * Class names and SVG icons are kept so the DOM weighs what X's does.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const C = 'css-175oi2r r-18u37iz r-1udh08x r-1c4vpko r-1c7gwzm r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21';
const T = 'css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-bnwqim';
const ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d="M1.751 10c0-4.42 3.584-8 8.005-8h4.366c4.49 0 8.129 3.64 8.129 8.13 0 2.96-1.607 5.68-4.196 7.11l-8.054 4.46v-3.69h-.067c-4.49.1-8.183-3.51-8.183-8.01z"></path></g></svg>';

const WORDS =
  'my internet has been down since monday and nobody at support answers the phone again this is the third outage this month refund please the app keeps crashing when I try to pay my bill waiting on hold for two hours'.split(
    ' ',
  );

function sentence(i: number, n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(WORDS[(i * 7 + k * 3) % WORDS.length]!);
  return out.join(' ');
}

function userName(name: string, handle: string, id: string, iso: string, ago: string): string {
  return `<div class="css-175oi2r r-1wbh5a2 r-dnmrzs" data-testid="User-Name"><div class="${C}"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/${handle}" role="link" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs"><div dir="ltr" class="${T}"><span class="css-1jxf684 r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${esc(name)}</span></span></div><div dir="ltr" class="${T}"><span class="css-1jxf684">${ICON}</span></div></div></a></div></div><div class="css-175oi2r r-18u37iz r-1wbh5a2 r-13hce6t"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs"><a href="/${handle}" role="link" tabindex="-1" class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21"><div dir="ltr" class="${T}"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">@${handle}</span></div></a></div><div dir="ltr" aria-hidden="true" class="${T}"><span class="css-1jxf684">·</span></div><div class="css-175oi2r r-18u37iz r-1q142lx"><a href="/${handle}/status/${id}" dir="ltr" aria-label="${ago}" role="link" class="css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe r-16dba41 r-xoduu5 r-1q142lx r-1w6e6rj r-9aw3ui r-3s2u2q r-1loqt21"><time datetime="${iso}">${ago}</time></a></div></div></div></div>`;
}

function button(testid: string, label: string, count: number): string {
  return `<div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><button aria-label="${label}" role="button" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l" data-testid="${testid}" type="button"><div dir="ltr" class="${T}"><div class="css-175oi2r r-xoduu5"><div class="css-175oi2r r-xoduu5 r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-1niwhzg r-sdzlij r-xf4iuw r-o7ynqc r-6416eg r-1ny4l3l"></div>${ICON}</div><div class="css-175oi2r r-xoduu5 r-1udh08x"><span data-testid="app-text-transition-container"><span class="css-1jxf684"><span class="css-1jxf684">${count}</span></span></span></div></div></button></div>`;
}

function tweetText(i: number, lang: string): string {
  return `<div dir="auto" lang="${lang}" class="${T} r-bnwqim" id="id__t${i}" data-testid="tweetText"><span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">@acmetelecom ${esc(sentence(i, 12 + (i % 25)))}</span><div class="css-175oi2r r-xoduu5"><span class="r-18u37iz"><a dir="ltr" href="/hashtag/outage?src=hashtag_click" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21">#outage</a></span></div><span class="css-1jxf684"> ${esc(sentence(i + 3, 6))}</span><img alt="😡" draggable="false" src="/img/emoji/1f621.svg" class="r-4qtqp9 r-dflpy8 r-k4bwe5 r-1kpi4qh r-pp5qcn r-h9hxbl"></div>`;
}

function tweet(i: number, now: number): string {
  const id = 1_800_000_000_000_000_000n + BigInt(i) * 7919n;
  const handle = `customer_${i % 400}`;
  const name = `Customer ${i % 400} 📶`;
  const iso = new Date(now - i * 60_000).toISOString();
  const ago = `${Math.max(1, Math.round(i / 60))}h`;
  const [replies, reposts, likes, views] = [i % 50, (i * 3) % 200, (i * 7) % 1000, 1000 + i * 13];
  const repost =
    i % 7 === 3
      ? `<div class="css-175oi2r r-15zivkp r-q3we1"><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-1habvwh r-1wbh5a2 r-1777fci"><div dir="ltr" class="${T}" data-testid="socialContext"><span class="css-1jxf684">Support Watcher reposted</span></div></div></div></div>`
      : '';
  const qid = id - 1n;
  const quote =
    i % 10 === 5
      ? `<div class="css-175oi2r r-9aw3ui"><div tabindex="0" role="link" class="css-175oi2r r-adacv r-1udh08x r-1ets6dv r-1867qdf r-rs99b7 r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21"><div class="css-175oi2r r-eqz5dr r-jusfrs r-1s2bzr4">${userName('Acme Telecom', 'acmetelecom', String(qid), iso, ago)}${tweetText(i + 1, 'en').replace(`id__t${i + 1}`, `id__q${i}`)}</div></div></div>`
      : '';
  const group = `<div aria-label="${replies} replies, ${reposts} reposts, ${likes} likes, ${views} views" role="group" class="css-175oi2r r-1kbdv8c r-18u37iz r-1wtj0ep r-1ye8kvj r-1s2bzr4">${button('reply', `${replies} Replies. Reply`, replies)}${button('retweet', `${reposts} reposts. Repost`, reposts)}${button('like', `${likes} Likes. Like`, likes)}<div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><a href="/${handle}/status/${id}/analytics" aria-label="${views} views. View post analytics" role="link" class="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1ny4l3l r-1loqt21"><div dir="ltr" class="${T}">${ICON}<span data-testid="app-text-transition-container"><span class="css-1jxf684">${views}</span></span></div></a></div>${button('bookmark', 'Bookmark', 0)}</div>`;
  return `<div data-testid="cellInnerDiv" class="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l"><div class="css-175oi2r r-18u37iz"><article aria-labelledby="id__u${i} id__t${i}" role="article" tabindex="0" class="${C}" data-testid="tweet"><div class="css-175oi2r r-eqz5dr r-16y2uox r-1wbh5a2"><div class="css-175oi2r r-16y2uox r-1wbh5a2 r-1ny4l3l">${repost}<div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-18kxxzh r-1wron08 r-onrtq4 r-1awozwy" data-testid="Tweet-User-Avatar"><a href="/${handle}" aria-hidden="true" role="link" tabindex="-1" class="css-175oi2r r-1pi2tsx r-13qz1uu r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21"><img alt="" draggable="true" src="/img/profile_images/${i}/a_normal.jpg" class="css-9pa8cd"></a></div><div class="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci r-kzbkwu"><div class="css-175oi2r r-zl2h9q">${userName(name, handle, String(id), iso, ago)}</div><div class="css-175oi2r">${tweetText(i, i % 5 === 0 ? 'nl' : 'en')}</div>${quote}${group}</div></div></div></div></article></div></div>`;
}

/** The page's HTML. `now` fixes the tweets' times so every run reads the same page. */
export function xTimeline(count = 1000, now = Date.UTC(2026, 10, 23, 12)): string {
  const tweets: string[] = [];
  for (let i = 0; i < count; i++) tweets.push(tweet(i, now));
  return `<!DOCTYPE html><html dir="ltr" lang="en"><head><meta charset="utf-8"><title>Home / X</title><meta property="og:site_name" content="X (formerly Twitter)"><style>article{display:block;padding:12px;border-bottom:1px solid #eee}</style></head><body><div id="react-root"><main role="main"><div data-testid="primaryColumn"><section role="region"><h1 role="heading">Your Home Timeline</h1><div aria-label="Timeline: Your Home Timeline"><div>${tweets.join('')}</div></div></section></div></main></div></body></html>`;
}
