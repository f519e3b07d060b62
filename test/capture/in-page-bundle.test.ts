import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// /capture.js runs in the captured page on every capture, so what it loads is paid each time
// (zod and its schemas made it ~100 KB bigger and ~10 ms slower to start; tinyld ~70 KB and ~13 ms).
// The page checks mentions by hand (extract/mention-check.ts) and leaves language detection to
// the background (capture/no-language-detection.ts stands in for tinyld in that one build).
describe('the in-page capture bundle', () => {
  it('imports no zod, and tinyld only through extract/language.ts (which the capture build replaces)', async () => {
    const { metafile } = await build({
      entryPoints: ['capture/run-in-page.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'iife',
      logLevel: 'silent',
    });
    // Project files only: zod's own files import each other.
    const inputs = Object.entries(metafile.inputs).filter(([p]) => !p.startsWith('node_modules/'));
    const zodImporters = inputs
      .filter(([, i]) => i.imports.some((d) => d.path.includes('node_modules/zod/')))
      .map(([p]) => p);
    expect(
      zodImporters,
      'a value import from domain/ (e.g. a schema) pulls zod into /capture.js: import types only in extract/ and capture/',
    ).toEqual([]);
    const tinyldImporters = inputs
      .filter(([, i]) => i.imports.some((d) => d.path.includes('node_modules/tinyld/')))
      .map(([p]) => p);
    expect(tinyldImporters).toEqual(['extract/language.ts']);
  });
});
