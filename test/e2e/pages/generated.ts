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
};
