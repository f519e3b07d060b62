/**
 * The per-token rate limit: a token bucket per agent (and one for the admin token), refilled at
 * `perSecond` up to `burst`. A request finding it empty is answered 429 with `Retry-After`, which
 * the extension waits out exactly. The buckets are this process's: behind a load balancer each
 * instance counts for itself, so a team's limit is this times the number of instances.
 */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly limit: RateLimit | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from `key`'s bucket: null to go ahead, else the whole seconds to wait. */
  take(key: string): number | null {
    const l = this.limit;
    if (!l || l.perSecond <= 0) return null;
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: l.burst, at: t };
    b.tokens = Math.min(l.burst, b.tokens + ((t - b.at) / 1000) * l.perSecond);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / l.perSecond));
  }
}

/** The defaults of `--rate-limit` and `--rate-burst`: far above one agent's pace, even a backlog's. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 30, burst: 300 };
