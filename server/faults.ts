/**
 * Fault injection for tests of the sync worker. All off by default; driven by a seeded random
 * generator so a failing run can be replayed with the same --seed.
 */
export interface FaultConfig {
  /** Share of requests answered with a 5xx before anything is done. */
  failRate: number;
  /** Share of writes (creates, batches, changes) whose connection is dropped after they are stored (the answer is lost). */
  dropAfterStoreRate: number;
  /** Share of evidence uploads whose connection is dropped after the evidence is kept. */
  dropEvidenceAfterStoreRate?: number;
  /** Share of writes answered 502 after they are stored (as a proxy that gave up waiting would). */
  failAfterStoreRate?: number;
  /** Added to every request. */
  latencyMs: number;
  /** After every `every` requests, the next `count` get 429 with `Retry-After: retryAfter` (seconds). */
  burst429: { every: number; count: number; retryAfter: number } | null;
  seed: number;
  /** Test control (PUT /api/_faults): requests wait, unanswered, until this is set false again. */
  paused?: boolean;
}

export const NO_FAULTS: FaultConfig = { failRate: 0, dropAfterStoreRate: 0, latencyMs: 0, burst429: null, seed: 1 };

/** Parses `every=50,count=5,retryAfter=1`. */
export function parseBurst(spec: string): FaultConfig['burst429'] {
  const kv = Object.fromEntries(spec.split(',').map((p) => p.split('=').map((s) => s.trim()) as [string, string]));
  const every = Number(kv.every);
  const count = Number(kv.count ?? 1);
  const retryAfter = Number(kv.retryAfter ?? 1);
  if (!(every > 0) || !(count > 0) || !(retryAfter >= 0))
    throw new Error(`Bad --burst-429 "${spec}": expected every=N,count=N,retryAfter=S`);
  return { every, count, retryAfter };
}

/** mulberry32: small, fast, good enough for choosing faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FaultDecision = { kind: 'none' } | { kind: '5xx'; status: number } | { kind: '429'; retryAfter: number };

/** Decides, per request, which fault (if any) it gets; counts what it did. */
export class Faults {
  private random: () => number;
  private requests = 0;
  private burstLeft = 0;
  /** `waiting`: requests held right now by `paused` or `latencyMs`. */
  readonly counts = {
    requests: 0,
    fail5xx: 0,
    throttled429: 0,
    droppedAfterStore: 0,
    failedAfterStore: 0,
    droppedEvidenceAfterStore: 0,
    waiting: 0,
  };

  constructor(public config: FaultConfig) {
    this.random = seededRandom(config.seed);
  }

  beforeRequest(): FaultDecision {
    this.counts.requests++;
    const b = this.config.burst429;
    if (b) {
      this.requests++;
      if (this.requests % b.every === 0) this.burstLeft = b.count;
      if (this.burstLeft > 0) {
        this.burstLeft--;
        this.counts.throttled429++;
        return { kind: '429', retryAfter: b.retryAfter };
      }
    }
    if (this.config.failRate > 0 && this.random() < this.config.failRate) {
      this.counts.fail5xx++;
      return { kind: '5xx', status: [500, 502, 503][Math.floor(this.random() * 3)] ?? 500 };
    }
    return { kind: 'none' };
  }

  dropEvidenceAfterStore(): boolean {
    const rate = this.config.dropEvidenceAfterStoreRate ?? 0;
    if (rate > 0 && this.random() < rate) {
      this.counts.droppedEvidenceAfterStore++;
      return true;
    }
    return false;
  }

  /** What happens to the answer of a write that was stored: lost, a 502, or nothing. */
  afterStore(): 'drop' | '502' | 'none' {
    if (this.config.dropAfterStoreRate > 0 && this.random() < this.config.dropAfterStoreRate) {
      this.counts.droppedAfterStore++;
      return 'drop';
    }
    const fail = this.config.failAfterStoreRate ?? 0;
    if (fail > 0 && this.random() < fail) {
      this.counts.failedAfterStore++;
      return '502';
    }
    return 'none';
  }
}
