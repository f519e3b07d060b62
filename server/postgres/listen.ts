import pg from 'pg';

/**
 * One connection per instance that LISTENs on the feed's channel: a commit on any instance wakes
 * the event streams of all of them at once. If the connection drops it is made again (1 s, then
 * doubling up to 30 s) and the streams are woken once, in case a notification was missed
 * meanwhile; the streams also read the feed on their own every second, so nothing waits on this.
 */
export class FeedListener {
  private client: pg.Client | null = null;
  private closed = false;
  private retryMs = 1000;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly notify: () => void,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(this.config);
    client.on('notification', () => this.notify());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      this.client = client;
      this.retryMs = 1000;
    } catch (e) {
      this.log(`Listening for changes failed (${e instanceof Error ? e.message : String(e)}); trying again.`);
      this.lost(client);
    }
  }

  private lost(client: pg.Client): void {
    if (this.client === client) this.client = null;
    client.removeAllListeners();
    client.on('error', () => {});
    void client.end().catch(() => {});
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start().then(() => this.notify());
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.client;
    this.client = null;
    if (c) {
      c.removeAllListeners();
      c.on('error', () => {});
      await c.end().catch(() => {});
    }
  }
}
