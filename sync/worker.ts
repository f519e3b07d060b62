import type { Case, StoredMention } from '../domain/case';
import type { OutboxEntry } from '../domain/outbox';
import type { CaptureDb } from '../storage/db';
import { PermanentError, TransientError, UnknownOutcomeError, type Adapter, type RemoteCase, type UpdateInput } from './adapter';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { createInput } from './create-input';

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
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  /** When the next entry is due (epoch ms), or null when the outbox holds nothing to try. */
  nextDueAt: number | null;
}

/**
 * Pushes due outbox entries through the adapter, `concurrency` at a time. Entries of one case go
 * in order (its create first, then its updates), so an update never reaches the backend before the
 * case exists. A 429/503 with Retry-After holds every new request until that time.
 */
export async function drainOutbox(db: CaptureDb, adapter: Adapter, clock: Clock, opts: DrainOptions = {}): Promise<DrainResult> {
  const concurrency = opts.concurrency ?? 6;
  const result: DrainResult = { sent: 0, retried: 0, failed: 0, nextDueAt: null };
  await recoverInflight(db, clock.now() - (opts.inflightTimeoutMs ?? 120_000));
  const hold = { until: 0 };

  for (;;) {
    const { due, nextDueAt } = await dueEntries(db, clock.now());
    result.nextDueAt = nextDueAt;
    if (!due.length || hold.until > clock.now()) break;
    // Claims and acknowledgements are written per chunk: one IndexedDB transaction each for many
    // requests, which is what keeps the flush fast (a commit costs more than a loopback request).
    for (let i = 0; i < due.length && hold.until <= clock.now(); i += concurrency * CHUNK_PER_WORKER) {
      for (const o of await runChunk(db, adapter, clock, due.slice(i, i + concurrency * CHUNK_PER_WORKER), concurrency, hold, opts)) result[o]++;
      opts.onProgress?.();
    }
  }
  if (hold.until > clock.now()) result.nextDueAt = Math.max(result.nextDueAt ?? 0, hold.until);
  return result;
}

const CHUNK_PER_WORKER = 16;

/** Inflight entries whose worker is gone: a create may have reached the backend, so it is "unknown". */
export async function recoverInflight(db: CaptureDb, olderThan = Number.POSITIVE_INFINITY): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const stale = (await db.outbox.where('state').equals('inflight').toArray()).filter((e) => (e.inflightAt ?? 0) < olderThan);
    for (const e of stale) await db.outbox.update(e.id!, { state: e.op === 'create' ? 'unknown' : 'pending', inflightAt: undefined });
    return stale.length;
  });
}

/** The head entry of each case's queue, when it is due; and the earliest time one will be. */
async function dueEntries(db: CaptureDb, now: number): Promise<{ due: OutboxEntry[]; nextDueAt: number | null }> {
  const all = await db.outbox.orderBy('id').toArray();
  const heads = new Map<string, OutboxEntry>();
  for (const e of all) if (!heads.has(e.caseId)) heads.set(e.caseId, e);
  const due: OutboxEntry[] = [];
  let nextDueAt: number | null = null;
  for (const e of heads.values()) {
    if (e.state !== 'pending' && e.state !== 'unknown') continue;
    if (e.nextAttemptAt <= now) due.push(e);
    else nextDueAt = Math.min(nextDueAt ?? e.nextAttemptAt, e.nextAttemptAt);
  }
  return { due, nextDueAt: due.length ? now : nextDueAt };
}

type Outcome = 'sent' | 'retried' | 'failed';

interface Job {
  /** The entry as it was before it was claimed (its state says whether to look up first). */
  entry: OutboxEntry;
  kase: Case | undefined;
  first: StoredMention | undefined;
}

type Done = { job: Job } & ({ kind: 'created'; remote: RemoteCase } | { kind: 'updated' } | { kind: 'error'; error: unknown } | { kind: 'skipped' } | { kind: 'orphan' });

async function runChunk(db: CaptureDb, adapter: Adapter, clock: Clock, chunk: OutboxEntry[], concurrency: number, hold: { until: number }, opts: DrainOptions): Promise<Outcome[]> {
  // Claim: if the worker dies while these are out, start-up recovery knows a request may have gone.
  const jobs = await db.transaction('rw', db.outbox, db.cases, db.mentions, async () => {
    const fresh = (await db.outbox.bulkGet(chunk.map((e) => e.id!))).filter((e): e is OutboxEntry => !!e && (e.state === 'pending' || e.state === 'unknown'));
    const now = clock.now();
    await db.outbox.bulkPut(fresh.map((e) => ({ ...e, state: 'inflight' as const, inflightAt: now })));
    const cases = await db.cases.bulkGet(fresh.map((e) => e.caseId));
    const mentions = await db.mentions.bulkGet(cases.map((c) => c?.mentionIds[0] ?? ''));
    return fresh.map((entry, i): Job => ({ entry, kase: cases[i], first: mentions[i] }));
  });

  const done: Done[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      if (hold.until > clock.now()) {
        done.push({ job, kind: 'skipped' });
        continue;
      }
      try {
        done.push(await send(adapter, job));
      } catch (error) {
        if (error instanceof TransientError && error.retryAfterMs !== undefined) hold.until = Math.max(hold.until, clock.now() + error.retryAfterMs);
        done.push({ job, kind: 'error', error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return settle(db, adapter, clock.now(), done, opts);
}

async function send(adapter: Adapter, job: Job): Promise<Done> {
  const { entry, kase } = job;
  if (!kase) return { job, kind: 'orphan' };
  if (entry.op === 'create') {
    if (!job.first) throw new PermanentError('The captured mention of this case is missing');
    const input = createInput(kase, job.first);
    // After a lost answer (or any earlier try, for backends without idempotency keys) look first.
    if (entry.state === 'unknown' || (!adapter.nativeIdempotency && entry.attempts > 0)) {
      const found = await adapter.findByKey(input);
      if (found) return { job, kind: 'created', remote: found };
    }
    return { job, kind: 'created', remote: await adapter.create(input) };
  }
  if (!kase.backend) throw new PermanentError('This case was never sent to the backend (captured before a backend was set up)');
  await adapter.update(updateInput(kase, entry));
  return { job, kind: 'updated' };
}

function updateInput(kase: Case, entry: OutboxEntry): UpdateInput {
  const p = entry.patch ?? {};
  const input: UpdateInput = { remoteId: kase.backend!.id, idempotencyKey: entry.idempotencyKey };
  if (p.status) input.status = p.status as UpdateInput['status'];
  if (p.owner !== undefined) input.owner = p.owner;
  const log = p.logEntryId ? kase.log.find((l) => l.id === p.logEntryId) : undefined;
  if (log) input.note = { kind: log.kind === 'decision' ? 'decision' : 'note', text: log.text, by: log.by };
  return input;
}

/** Writes the outcome of a chunk in one transaction: acknowledged cases, retries, failures. */
async function settle(db: CaptureDb, adapter: Adapter, now: number, done: Done[], opts: DrainOptions): Promise<Outcome[]> {
  if (!done.length) return [];
  return db.transaction('rw', db.cases, db.outbox, async () => {
    const caseIds = [...new Set(done.map((d) => d.job.entry.caseId))];
    const finished = new Set(done.filter((d) => d.kind === 'created' || d.kind === 'updated' || d.kind === 'orphan').map((d) => d.job.entry.id!));
    await db.outbox.bulkDelete([...finished]);
    const remaining = new Map<string, number>();
    for (const e of await db.outbox.where('caseId').anyOf(caseIds).toArray()) remaining.set(e.caseId, (remaining.get(e.caseId) ?? 0) + 1);
    const cases = new Map((await db.cases.bulkGet(caseIds)).filter((c): c is Case => !!c).map((c) => [c.id, c]));
    const at = new Date(now).toISOString();
    const outcomes: Outcome[] = [];
    const entryUpdates: OutboxEntry[] = [];
    const added: OutboxEntry[] = [];

    for (const d of done) {
      const e = d.job.entry;
      const c = cases.get(e.caseId);
      const rest = remaining.get(e.caseId) ?? 0;
      if (d.kind === 'orphan') outcomes.push('sent');
      else if (d.kind === 'skipped') {
        entryUpdates.push({ ...e, inflightAt: undefined });
        outcomes.push('retried');
      } else if (d.kind === 'created') {
        outcomes.push('sent');
        if (!c) continue;
        c.backend = { adapter: adapter.kind, id: d.remote.id, url: d.remote.url, syncedAt: at };
        c.syncError = null;
        // An owner chosen in the capture review is not part of the create body: send it after.
        const patch: { status?: string; owner?: string | null } = {};
        if (c.owner !== d.remote.owner) patch.owner = c.owner;
        if (c.status !== d.remote.status && c.status !== 'new') patch.status = c.status;
        if (Object.keys(patch).length && !rest) {
          added.push({ caseId: c.id, op: 'update', idempotencyKey: crypto.randomUUID(), patch, state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now });
          c.syncState = 'queued';
        } else c.syncState = rest ? 'queued' : 'sent';
      } else if (d.kind === 'updated') {
        outcomes.push('sent');
        if (c?.backend && !rest) {
          c.syncState = 'sent';
          c.syncError = null;
          c.backend = { ...c.backend, syncedAt: at };
        }
      } else {
        const f = failure(adapter, e, d.error, now, opts);
        entryUpdates.push(f.entry);
        outcomes.push(f.outcome);
        if (f.outcome === 'failed' && c) {
          c.syncState = 'failed';
          c.syncError = f.entry.lastError;
        }
      }
    }
    await db.outbox.bulkPut(entryUpdates);
    if (added.length) await db.outbox.bulkAdd(added);
    await db.cases.bulkPut([...cases.values()]);
    return outcomes;
  });
}

function failure(adapter: Adapter, e: OutboxEntry, error: unknown, now: number, opts: DrainOptions): { entry: OutboxEntry; outcome: Outcome } {
  const throttled = error instanceof TransientError && error.retryAfterMs !== undefined;
  // A request turned away with Retry-After was not processed: it does not count as an attempt,
  // so rate limiting never inflates the backoff of later 5xx retries.
  const attempts = throttled ? e.attempts : e.attempts + 1;
  const lastError = error instanceof Error ? error.message : String(error);
  const base = { ...e, attempts, lastError, inflightAt: undefined };
  if (error instanceof PermanentError) return { entry: { ...base, state: 'failed' }, outcome: 'failed' };
  const delay = backoffDelay(e.attempts, opts.backoff ?? DEFAULT_BACKOFF, opts.random);
  let state: OutboxEntry['state'] = 'pending';
  let nextAttemptAt = now + delay;
  // Without idempotency keys a 5xx on a create may hide a ticket made behind a proxy: treat it as
  // unknown too, so it is looked up (after the search index caught up) before any new create.
  const mayExist = e.op === 'create' && !throttled && !adapter.nativeIdempotency;
  if (error instanceof UnknownOutcomeError || mayExist || (e.state === 'unknown' && e.op === 'create')) {
    state = 'unknown';
    nextAttemptAt = now + Math.max(delay, adapter.lookupDelayMs);
  }
  // Retry-After is honoured exactly (and holds every other request: see runChunk).
  if (throttled) nextAttemptAt = now + error.retryAfterMs!;
  return { entry: { ...base, state, nextAttemptAt }, outcome: 'retried' };
}
