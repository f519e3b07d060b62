/**
 * The extensions the floors are measured with, written into a temp folder per run:
 *
 * - `product`: a copy of the e2e build (.output-e2e/chrome-mv3, byte for byte) plus one page,
 *   `bench-floor.html`, whose one module script writes a textarea holding a line of text. It is the
 *   popup's floor: an extension page of the same extension (same origin, same renderer process),
 *   opened the same way as popup.html, doing the least a popup can do to show a text.
 * - `empty`: an MV3 extension whose service worker only answers one message, and a blank page to
 *   send it from. It is the background's floor: the cost of starting any extension service worker.
 *
 * Nothing of this is in the product build: the product's own files are not touched.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_EXTENSION_DIR } from './browser';

/** The popup floor page (in the product copy) and the text its script writes. */
export const FLOOR_PAGE = 'bench-floor.html';
export const FLOOR_TEXT = 'Al drie weken heb ik geen internet en niemand belt terug.';
/** The empty extension's page that sends its worker the one message. */
export const EMPTY_PAGE = 'page.html';

const BLANK_HTML = (script: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench floor</title></head><body>${script}</body></html>`;

export interface FloorExtensions {
  /** The e2e build plus bench-floor.html. */
  product: string;
  /** The extension whose worker only answers one message. */
  empty: string;
  remove(): void;
}

export function writeFloorExtensions(): FloorExtensions {
  const root = mkdtempSync(join(tmpdir(), 'cc-bench-ext-'));
  const product = join(root, 'product');
  cpSync(E2E_EXTENSION_DIR, product, { recursive: true });
  writeFileSync(join(product, FLOOR_PAGE), BLANK_HTML('<script type="module" src="/bench-floor.js"></script>'));
  writeFileSync(
    join(product, 'bench-floor.js'),
    `const t = document.createElement('textarea');\nt.name = 'text';\nt.value = ${JSON.stringify(FLOOR_TEXT)};\ndocument.body.append(t);\n`,
  );

  const empty = join(root, 'empty');
  mkdirSync(empty);
  writeFileSync(
    join(empty, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'bench empty worker',
      version: '1.0',
      // Classic, like the product's background.js (WXT builds it as one IIFE script).
      background: { service_worker: 'worker.js' },
    }),
  );
  // Answered the way the product's router answers: the listener returns a promise of the reply.
  writeFileSync(
    join(empty, 'worker.js'),
    `chrome.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, value: null }));\n`,
  );
  writeFileSync(join(empty, EMPTY_PAGE), BLANK_HTML(''));
  return { product, empty, remove: () => rmSync(root, { recursive: true, force: true }) };
}
