/** Exponential backoff with full jitter: wait random(0, min(cap, base × 2^attempt)). */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

// A 60 s cap: a webcare team wants a case in the helpdesk within a minute of a blip, and
// rate limits come with Retry-After, which is honoured as given whatever the cap.
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 60_000 };

/** The delay before retry number `attempt` (0 for the first retry). */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  // 2^attempt overflows to Infinity past ~1024; min() keeps it at the cap.
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
