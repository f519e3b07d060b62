/**
 * The extractors, most specific first. Picking: an extractor whose address pattern matches and
 * whose DOM check confirms; then the address-free ones (blogs on their own domains, Mastodon on
 * any instance) by DOM only; generic last. Adding a platform (its descriptor, extractor, message
 * key and fixtures): extract/README.md.
 */
import { blogger } from './platforms/blogger';
import { bluesky } from './platforms/bluesky';
import { facebook } from './platforms/facebook';
import { generic } from './platforms/generic';
import { ghost } from './platforms/ghost';
import { hentry } from './platforms/hentry';
import { instagram } from './platforms/instagram';
import { linkedin } from './platforms/linkedin';
import { mastodon } from './platforms/mastodon';
import { medium } from './platforms/medium';
import { reddit } from './platforms/reddit';
import { substack } from './platforms/substack';
import { threads } from './platforms/threads';
import { tiktok } from './platforms/tiktok';
import { trustpilot } from './platforms/trustpilot';
import { wordpress } from './platforms/wordpress';
import { x } from './platforms/x';
import { xDm } from './platforms/x-dm';
import { youtube } from './platforms/youtube';
import type { Ctx, Extractor } from './types';

export const extractors: readonly Extractor[] = [
  // Before x: a conversation is on x.com too, and must never be read as a timeline.
  xDm,
  x,
  bluesky,
  reddit,
  threads,
  linkedin,
  facebook,
  instagram,
  youtube,
  tiktok,
  trustpilot,
  mastodon,
  medium,
  substack,
  blogger,
  ghost,
  wordpress,
  hentry,
  generic,
];

export function pickExtractor(ctx: Ctx): Extractor {
  for (const e of extractors) if (e.matchesUrl?.(ctx.url) && safeDetect(e, ctx)) return e;
  for (const e of extractors) if (!e.matchesUrl && e !== generic && safeDetect(e, ctx)) return e;
  return generic;
}

function safeDetect(e: Extractor, ctx: Ctx): boolean {
  try {
    return e.detect(ctx);
  } catch {
    return false;
  }
}
