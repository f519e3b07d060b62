import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../sync/backoff';
import { parseRetryAfter } from '../../sync/retry-after';

describe('backoffDelay', () => {
  const policy = { baseMs: 1000, capMs: 30_000 };
  it('draws uniformly below base × 2^attempt (full jitter)', () => {
    expect(backoffDelay(0, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(4000);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });
  it('never exceeds the cap, even for huge attempt counts', () => {
    expect(backoffDelay(10, policy, () => 0.999)).toBe(29_970);
    expect(backoffDelay(5000, policy, () => 0.5)).toBe(15_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP date, relative to now, and never negative', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Monday, 23-Nov-26 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('returns null for missing or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('2026', now)).toBe(2_026_000);
  });
});
