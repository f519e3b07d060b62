/**
 * popupJsGzipBytes, sidepanelJsGzipBytes, backgroundJsGzipBytes: gzip (zlib level 6, the default of
 * gzip and of most servers) of the JavaScript each entrypoint loads at start in the production Chrome
 * build (.output/chrome-mv3): the page's module scripts and modulepreloads plus every chunk they
 * import statically, each counted once. Lazy import() chunks are not part of the start and are left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/stats';

export const CHROME_BUILD = '.output/chrome-mv3';

/** Files (relative to the build root) of the JS an HTML page or a script loads at start. */
export function startChunks(root: string, entry: string): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  if (entry.endsWith('.html')) {
    const html = readFileSync(join(root, entry), 'utf8');
    for (const m of html.matchAll(
      /<script[^>]*\bsrc="([^"]+\.js)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g,
    ))
      queue.push((m[1] ?? m[2]!).replace(/^\//, ''));
  } else queue.push(entry);
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f) || !existsSync(join(root, f))) continue;
    seen.add(f);
    const js = readFileSync(join(root, f), 'utf8');
    // Static imports of the minified output: `from"./x.js"` and bare `import"./x.js"`.
    for (const m of js.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g))
      queue.push(posix.normalize(posix.join(posix.dirname(f), m[1]!)));
  }
  return [...seen];
}

export function gzipBytes(root: string, files: string[]): number {
  return files.reduce((n, f) => n + gzipSync(readFileSync(join(root, f))).length, 0);
}

export async function measureSizes(ctx: BenchContext): Promise<Figure[]> {
  const one = (key: string, entry: string, budget?: number) => {
    const files = startChunks(CHROME_BUILD, entry);
    const raw = files.reduce((n, f) => n + readFileSync(join(CHROME_BUILD, f)).length, 0);
    ctx.notes.push(`size: ${entry} loads ${files.join(' + ')} (${(raw / 1024).toFixed(1)} KiB raw)`);
    return figure(key, [gzipBytes(CHROME_BUILD, files)], 'bytes', budget ? { limit: budget, atMost: true } : undefined);
  };
  return [
    one('popupJsGzipBytes', 'popup.html', 25 * 1024),
    one('sidepanelJsGzipBytes', 'sidepanel.html'),
    one('backgroundJsGzipBytes', 'background.js'),
  ];
}
