import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** Bundles bench/page/entry.ts (extract/, storage/, readability, defuddle) into one browser script. */
export async function benchBundle(): Promise<string> {
  const res = await build({
    entryPoints: [fileURLToPath(new URL('../page/entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    define: { __E2E__: 'false' },
    logLevel: 'error',
  });
  return res.outputFiles[0]!.text;
}
