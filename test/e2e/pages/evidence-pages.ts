/**
 * Blog posts placed exactly, for the evidence image: a red post at a known box on a white page,
 * and the hostile shapes a page can give its post (taller than the view, huge, partly at negative
 * coordinates, off screen). The capture must cut the box it reports, or say why it could not.
 */
export const EVIDENCE_COLOUR = [232, 69, 60] as const;

const STYLES = {
  plain: 'left:40px; top:60px; width:600px; height:240px;',
  tall: 'left:40px; top:60px; width:600px; height:3000px;',
  huge: 'left:40px; top:60px; width:100000px; height:100000px;',
  negative: 'left:-300px; top:-100px; width:800px; height:400px;',
  offscreen: 'left:40px; top:20000px; width:600px; height:240px;',
} as const;
export type EvidenceShape = keyof typeof STYLES;
export const EVIDENCE_SHAPES = Object.keys(STYLES) as EvidenceShape[];

export function evidencePage(shape: EvidenceShape): string {
  const [r, g, b] = EVIDENCE_COLOUR;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>Storing in de wijk (${shape})</title>
<meta name="author" content="Sanne Bakker">
<meta property="article:published_time" content="2026-11-22T09:00:00Z">
<style>
  html, body { margin: 0; background: #fff; }
  article { position: absolute; ${STYLES[shape]} background: rgb(${r} ${g} ${b}); color: #fff; overflow: hidden; }
</style></head><body>
<article class="post hentry">
  <h1 class="entry-title">Storing in de wijk (${shape})</h1>
  <p class="byline">Door <a rel="author" href="http://127.0.0.1/over">Sanne Bakker</a> · <time datetime="2026-11-22T09:00:00Z">22 november 2026</time></p>
  <div class="entry-content"><p>Sinds maandag geen internet in de hele straat, en de klantenservice weet van niets.</p></div>
</article></body></html>`;
}
