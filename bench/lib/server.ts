import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves fixed bodies by path on a free 127.0.0.1 port (the generated pages and the bench bundle). */
export async function serve(routes: Record<string, { type: string; body: string | Buffer }>): Promise<BenchServer> {
  const server = createServer((req, res) => {
    const r = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (!r) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': r.type, 'cache-control': 'no-store' }).end(r.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
