/**
 * One agent's HTTP client, retrying the way the extension's sync does (docs/backend-contract.md,
 * "How sync behaves"): every write carries an idempotency key made once and reused on every
 * retry; 429/503 with Retry-After are waited out exactly; other 5xx and lost connections back off
 * with full jitter; a create whose answer was lost is looked up by its key before it is sent
 * again. It records the time of every answer it got, for the percentiles.
 */
export interface Tally {
  requests: number;
  /** Answers lost (connection dropped or refused) and 5xx: what the retries were for. */
  lost: number;
  failed5xx: number;
  throttled: number;
  /** Milliseconds of each request that got a 2xx answer. */
  latencies: number[];
}

export const newTally = (): Tally => ({ requests: 0, lost: 0, failed5xx: 0, throttled: 0, latencies: [] });

/** The extension's backoff (full jitter), shorter: a load test waits seconds, not a minute. */
const BASE_MS = 100;
const CAP_MS = 2000;
const TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class AgentClient {
  constructor(
    readonly name: string,
    private readonly token: string,
    private readonly base: () => string,
    readonly tally: Tally,
  ) {}

  /** One request: the status and JSON, or null when no answer came (dropped, refused, timed out). */
  async once(
    method: string,
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; json: unknown; retryAfter: number | null } | null> {
    this.tally.requests++;
    const started = performance.now();
    try {
      const r = await fetch(`${this.base()}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.token}`,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(key ? { 'Idempotency-Key': key } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await r.text();
      if (r.ok) this.tally.latencies.push(performance.now() - started);
      const ra = r.headers.get('retry-after');
      return { status: r.status, json: text ? JSON.parse(text) : null, retryAfter: ra === null ? null : Number(ra) };
    } catch {
      this.tally.lost++;
      return null;
    }
  }

  /**
   * Sends until a 2xx answer: a write with the same key every time. `unknown` is asked after an
   * answer was lost, before sending again (a create looks itself up by its key); if it finds the
   * result, that is the answer.
   */
  async send<T>(
    method: string,
    path: string,
    body: unknown,
    key: string | undefined,
    unknown?: () => Promise<T | null>,
  ): Promise<T> {
    for (let attempt = 0; ;) {
      const r = await this.once(method, path, body, key);
      if (r && r.status >= 200 && r.status < 300) return r.json as T;
      if (r && (r.status === 429 || r.status === 503) && r.retryAfter !== null) {
        // Throttling is not a failed attempt: it never lengthens the backoff.
        this.tally.throttled++;
        await sleep(r.retryAfter * 1000);
        continue;
      }
      if (r && r.status < 500) throw new Error(`${method} ${path} answered ${r.status}: ${JSON.stringify(r.json)}`);
      if (r) this.tally.failed5xx++;
      attempt++;
      await sleep(Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** attempt));
      if (!r && unknown) {
        const found = await this.read(unknown);
        if (found !== null) return found;
      }
    }
  }

  /** A read, retried until it answers (reads change nothing: no key needed). */
  async read<T>(ask: () => Promise<T | null>): Promise<T | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await ask();
      } catch {
        await sleep(Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** (attempt + 1)));
      }
    }
  }

  /** GET that throws when no 2xx answer came (for read()). */
  async get<T>(path: string): Promise<T> {
    const r = await this.once('GET', path);
    if (r && r.status >= 200 && r.status < 300) return r.json as T;
    if (r && (r.status === 429 || r.status === 503) && r.retryAfter !== null) {
      this.tally.throttled++;
      await sleep(r.retryAfter * 1000);
    } else if (r && r.status >= 500) this.tally.failed5xx++;
    throw new Error(`GET ${path}: ${r ? r.status : 'no answer'}`);
  }
}
