import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractMention, extractAll } from '../extract/index';
const tl = readFileSync('test/fixtures/pages/x/timeline-repost-quote.html', 'utf8');
const i = tl.indexOf('<div data-testid="cellInnerDiv"');
const j = tl.lastIndexOf('</div></div></section>');
const cells = tl.slice(i, j);
const big = tl.slice(0, i) + cells.repeat(334) + tl.slice(j);
const wp = readFileSync('test/fixtures/pages/wordpress/core-comments.html', 'utf8');
const a = wp.indexOf('<li id="comment-101"');
const b = wp.indexOf('</ol><div id="respond"');
let li = '';
for (let k = 0; k < 250; k++)
  li += wp.slice(a, b).replace(/comment-10([12])/g, (_m, d) => `comment-${k * 2 + Number(d)}`);
const bigWp = wp.slice(0, a) + li + wp.slice(b);
for (const [name, html, url] of [
  ['timeline 1002 tweets', big, 'https://x.com/home'],
  ['blog 500 comments', bigWp, 'https://klachtenblog.nl/2026/11/energie-rekening/'],
] as const) {
  const { document } = parseHTML(html);
  extractMention(document, { url });
  let t = performance.now();
  for (let k = 0; k < 5; k++) extractMention(document, { url });
  const ours = (performance.now() - t) / 5;
  t = performance.now();
  const all = extractAll(document, { url });
  const allMs = performance.now() - t;
  const d2 = parseHTML(html).document;
  t = performance.now();
  new Readability(d2 as unknown as Document).parse();
  const rd = performance.now() - t;
  console.log(
    `${name}: extractMention ${ours.toFixed(1)} ms, extractAll ${allMs.toFixed(1)} ms (${all.length}), readability ${rd.toFixed(1)} ms, ratio ${(rd / ours).toFixed(1)}x`,
  );
}
