/**
 * The extractors, most specific first. Picking: an extractor whose address pattern matches and
 * whose DOM check confirms; then the address-free ones (blogs on their own domains) by DOM only;
 * generic last. To add a platform: write platforms/<id>.ts, add it here, add fixtures.
 */
import { generic } from './platforms/generic';
import { x } from './platforms/x';
import type { Ctx, Extractor } from './types';

export const extractors: readonly Extractor[] = [x, generic];

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
