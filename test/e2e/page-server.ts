import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { GENERATED } from './pages/generated';

export interface PageServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  origin: string;
  close: () => Promise<void>;
}

/** Serves the fixture pages of test/e2e/pages (and the generated ones) on a free loopback port. */
export async function startPageServer(root: string): Promise<PageServer> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    // The e2e build's background answers a visit here by opening one of its own pages (test-hooks.ts).
    if (path.startsWith('/__e2e__/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>opening</title>');
      return;
    }
    const make = GENERATED[path];
    if (make) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(make());
      return;
    }
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, {
        'content-type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
