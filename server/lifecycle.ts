import { createServer, type Server } from 'node:http';
import type { App } from './app';
import type { CaseStore } from './store';

/**
 * The server's life: listen, then on SIGTERM or SIGINT stop the way a process supervisor (or a
 * load balancer draining an instance) expects: stop accepting connections, end the event
 * streams, let the requests in flight finish (at most `shutdownMs`; a request still running then
 * is cut off), close the database, exit 0. A request that arrives on an open connection
 * meanwhile is answered 503 with Retry-After, so the client retries elsewhere or after a restart.
 */
export interface Lifecycle {
  server: Server;
  port: number;
  /** Stops as on SIGTERM; resolves when the database is closed. Later calls return the same promise. */
  stop(reason: string): Promise<void>;
}

export async function listen(
  app: App,
  store: CaseStore,
  opts: { host: string; port: number; shutdownMs: number; log: (line: string) => void },
): Promise<Lifecycle> {
  let inFlight = 0;
  let idle: (() => void) | null = null;
  const server = createServer((req, res) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
    void app(req, res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;

  let stopping: Promise<void> | null = null;
  const stop = (reason: string) =>
    (stopping ??= (async () => {
      app.stopping = true;
      // Event streams never end on their own: they are not requests to wait for.
      app.hub.closeAll();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const waiting = inFlight;
      opts.log(
        `${reason}: stopping; ${waiting ? `${waiting} request${waiting === 1 ? '' : 's'} in flight, waiting at most ${opts.shutdownMs} ms` : 'no requests in flight'}.`,
      );
      const drained = inFlight === 0 ? Promise.resolve(true) : new Promise<boolean>((r) => (idle = () => r(true)));
      const finished = await Promise.race([
        drained,
        new Promise<boolean>((r) => setTimeout(() => r(false), opts.shutdownMs).unref()),
      ]);
      if (!finished) opts.log(`${inFlight} request(s) still running after ${opts.shutdownMs} ms: cut off.`);
      // Every connection left is idle now (or cut off): close them so server.close() completes.
      server.closeAllConnections();
      await closed;
      await store.close();
      opts.log('Stopped: database closed.');
    })());
  return { server, port, stop };
}
