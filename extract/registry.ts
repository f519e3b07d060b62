/**
 * The extractors, most specific first. Picking: an extractor whose address pattern matches and
 * whose DOM check confirms; then the address-free ones (blogs on their own domains, Mastodon on
 * any instance) by DOM only; generic last. Adding a platform (its descriptor, extractor, message
 * key and fixtures): extract/README.md.
 */
import { blogger } from './platforms/blogger';
import { bluesky } from './platforms/bluesky';
import { generic } from './platforms/generic';
import { ghost } from './platforms/ghost';
import { hentry } from './platforms/hentry';
import { linkedin } from './platforms/linkedin';
import { mastodon } from './platforms/mastodon';
import { medium } from './platforms/medium';
import { reddit } from './platforms/reddit';
import { substack } from './platforms/substack';
import { threads } from './platforms/threads';
import { wordpress } from './platforms/wordpress';
import { x } from './platforms/x';
import type { Ctx, Extractor } from './types';

export const extractors: readonly Extractor[] = [
  x,
  bluesky,
  reddit,
  threads,
  linkedin,
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
