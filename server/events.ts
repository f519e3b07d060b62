import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaseStore } from './store';

/**
 * Server-sent events of the change feed (`GET /api/events`), for a side panel that is open.
 * Each connection reads the store's feed from its own cursor, so every instance on one store
 * sends the same events in the same order: the store says when any instance committed a change
 * (`onChange`: at once in SQLite, by NOTIFY in PostgreSQL), and the connections also read the
 * feed every `pollMs` in case such a word was missed.
 */
export class EventHub {
  private waiters = new Set<() => void>();
  private readonly connections = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: CaseStore,
    private readonly pollMs = 1000,
    private readonly heartbeatMs = 15_000,
  ) {
    this.unsubscribe = store.onChange(() => this.poke());
  }

  /** Something was written: wake every connection. */
  poke(): void {
    const w = this.waiters;
    this.waiters = new Set();
    for (const f of w) f();
  }

  /** Ends every open stream (server shutdown). */
  closeAll(): void {
    this.unsubscribe();
    for (const res of this.connections) res.end();
    this.connections.clear();
    this.poke();
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  /**
   * Streams changes after `since` (or after the `Last-Event-ID` a reconnecting EventSource
   * sends; with neither, from now on). Each event: `id: <cursor>`, `event: change`, the change
   * as JSON; a comment line every heartbeat keeps proxies from closing an idle stream.
   */
  async stream(req: IncomingMessage, res: ServerResponse, since: string | null): Promise<void> {
    const lastId = req.headers['last-event-id'];
    let cursor =
      (typeof lastId === 'string' && /^\d{1,18}$/.test(lastId) ? lastId : null) ??
      since ??
      (await this.store.latestCursor());
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: 3000\n: cursor ${cursor}\n\n`);
    this.connections.add(res);
    let open = true;
    const stop = () => {
      open = false;
      this.connections.delete(res);
      this.poke();
    };
    req.on('close', stop);
    res.on('close', stop);
    let lastWrite = Date.now();
    while (open) {
      const page = await this.store.changes(cursor, 200);
      for (const c of page.items) res.write(`id: ${c.cursor}\nevent: change\ndata: ${JSON.stringify(c)}\n\n`);
      if (page.items.length) lastWrite = Date.now();
      cursor = page.cursor;
      if (page.more) continue;
      if (Date.now() - lastWrite >= this.heartbeatMs) {
        res.write(': ping\n\n');
        lastWrite = Date.now();
      }
      await this.wait(Math.min(this.pollMs, this.heartbeatMs));
    }
  }
}
