import { TransientError } from './adapter';

/**
 * Paces the polls of a helpdesk whose API limit is shared by the whole account (every agent, every
 * integration): it reads the rate-limit headers of each answer and any Retry-After, and says when
 * the next poll may go. Zendesk sends `X-Rate-Limit` / `X-Rate-Limit-Remaining` (and `ratelimit-*`
 * on list endpoints), Freshdesk `X-RateLimit-Total` / `X-RateLimit-Remaining`.
 */
export class Pacer {
  private limit: number | null = null;
  private remaining: number | null = null;
  private holdUntil = 0;

  observe(headers: Headers): void {
    const num = (...names: string[]) => {
      for (const n of names) {
        const v = Number(headers.get(n));
        if (headers.get(n) !== null && Number.isFinite(v)) return v;
      }
      return null;
    };
    this.limit = num('x-rate-limit', 'ratelimit-limit', 'x-ratelimit-total') ?? this.limit;
    this.remaining = num('x-rate-limit-remaining', 'ratelimit-remaining', 'x-ratelimit-remaining') ?? this.remaining;
  }

  /** A 429/503 with Retry-After: nothing polls before it. */
  failed(e: unknown, now: number): void {
    if (e instanceof TransientError && e.retryAfterMs !== undefined)
      this.holdUntil = Math.max(this.holdUntil, now + e.retryAfterMs);
  }

  /**
   * The base interval while the account has room; twice it under a quarter of the minute's limit
   * left; four times it (at least a minute) under a tenth: the rest is for the agents working in
   * the helpdesk's own screens.
   */
  nextPollAt(now: number, baseMs: number): number {
    let wait = baseMs;
    if (this.limit && this.remaining !== null) {
      const share = this.remaining / this.limit;
      if (share < 0.1) wait = Math.max(baseMs * 4, 60_000);
      else if (share < 0.25) wait = baseMs * 2;
    }
    return Math.max(now + wait, this.holdUntil);
  }
}
