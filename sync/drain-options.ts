/** How a drain of the outbox runs: shared by the worker that sends and the code that settles outcomes. */
import type { LogEntry } from '../domain/case';
import type { BackoffPolicy } from './backoff';

/** The time source (epoch ms), so tests run the retry schedule without waiting. */
export interface Clock {
  now(): number;
}

export interface DrainOptions {
  concurrency?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** An entry inflight for longer than this was orphaned (stopped worker, hung request). */
  inflightTimeoutMs?: number;
  /** Called after each entry (for the badge). */
  onProgress?: () => void;
  /**
   * A history line as the backend receives it in a note: the background words the lines the
   * extension wrote (codes) in the agent's language; without it, the stored text or the code.
   */
  logText?: (e: LogEntry) => string;
}
