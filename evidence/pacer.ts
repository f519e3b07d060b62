/**
 * Runs captures one at a time, each starting at least `gapMs` after the one before: Chrome allows
 * tabs.captureVisibleTab about twice a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND) and
 * refuses the rest. A burst of captures waits its turn here instead of failing.
 */
export class CapturePacer {
  private tail: Promise<unknown> = Promise.resolve();
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    readonly gapMs = 550,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Runs `task` when its turn comes; its result or error is the caller's. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(async () => {
      const wait = this.lastStart + this.gapMs - this.now();
      if (wait > 0) await this.sleep(wait);
      this.lastStart = this.now();
      return task();
    });
    this.tail = turn.catch(() => {});
    return turn;
  }

  /** Waits out one gap from now (after the browser refused a call for its rate limit). */
  async backOff(ms = 1000): Promise<void> {
    await this.sleep(ms);
    this.lastStart = this.now();
  }
}

/** Chrome's refusal for its rate limit, which is worth waiting out (anything else is not). */
export function isRateLimited(e: unknown): boolean {
  return /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|quota/i.test(e instanceof Error ? e.message : String(e));
}
