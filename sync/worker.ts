import type { Case } from '../domain/case';
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
  let holdUntil = 0;

  for (;;) {
    const { due, nextDueAt } = await dueEntries(db, clock.now());
    result.nextDueAt = nextDueAt;
    if (!due.length || holdUntil > clock.now()) break;
    let i = 0;
    const run = async () => {
      while (i < due.length && holdUntil <= clock.now()) {
        const entry = due[i++]!;
        const outcome = await processEntry(db, adapter, clock, entry, opts);
        result[outcome.kind]++;
        opts.onProgress?.();
        if (outcome.holdUntil) holdUntil = Math.max(holdUntil, outcome.holdUntil);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, run));
  }
  if (holdUntil > clock.now()) result.nextDueAt = Math.max(result.nextDueAt ?? 0, holdUntil);
  return result;
}

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

type Outcome = { kind: 'sent' | 'retried' | 'failed'; holdUntil?: number };

async function processEntry(db: CaptureDb, adapter: Adapter, clock: Clock, entry: OutboxEntry, opts: DrainOptions): Promise<Outcome> {
  const id = entry.id!;
  // Claim it: if the worker dies now, start-up recovery knows a request may be out.
  const claimed = await db.transaction('rw', db.outbox, async () => {
    const e = await db.outbox.get(id);
    if (!e || (e.state !== 'pending' && e.state !== 'unknown')) return null;
    await db.outbox.update(id, { state: 'inflight', inflightAt: clock.now() });
    return e;
  });
  if (!claimed) return { kind: 'retried' };
  try {
    const kase = await db.cases.get(entry.caseId);
    if (!kase) {
      await db.outbox.delete(id);
      return { kind: 'sent' };
    }
    if (claimed.op === 'create') {
      const remote = await pushCreate(db, adapter, kase, claimed);
      await ackCreate(db, adapter, kase.id, id, remote, clock.now());
    } else {
      if (!kase.backend) throw new PermanentError('This case was never sent to the backend (captured before a backend was set up)');
      await adapter.update(updateInput(kase, claimed));
      await ackUpdate(db, kase.id, id, clock.now());
    }
    return { kind: 'sent' };
  } catch (e) {
    return recordFailure(db, adapter, claimed, e, clock.now(), opts);
  }
}

async function pushCreate(db: CaptureDb, adapter: Adapter, kase: Case, entry: OutboxEntry): Promise<RemoteCase> {
  const first = await db.mentions.get(kase.mentionIds[0] ?? '');
  if (!first) throw new PermanentError('The captured mention of this case is missing');
  const input = createInput(kase, first);
  // After a lost answer (or any earlier try, for backends without idempotency keys) look first.
  if (entry.state === 'unknown' || (!adapter.nativeIdempotency && entry.attempts > 0)) {
    const found = await adapter.findByKey(input);
    if (found) return found;
  }
  return adapter.create(input);
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

async function ackCreate(db: CaptureDb, adapter: Adapter, caseId: string, entryId: number, remote: RemoteCase, now: number) {
  await db.transaction('rw', db.cases, db.outbox, async () => {
    const c = await db.cases.get(caseId);
    await db.outbox.delete(entryId);
    if (!c) return;
    const rest = await db.outbox.where('caseId').equals(caseId).count();
    c.backend = { adapter: adapter.kind, id: remote.id, url: remote.url, syncedAt: new Date(now).toISOString() };
    c.syncError = null;
    // An owner chosen in the capture review is not part of the create body: send it after.
    const patch: { status?: string; owner?: string | null } = {};
    if (c.owner !== remote.owner) patch.owner = c.owner;
    if (c.status !== remote.status && c.status !== 'new') patch.status = c.status;
    if (Object.keys(patch).length && !rest) {
      await db.outbox.add({ caseId, op: 'update', idempotencyKey: crypto.randomUUID(), patch, state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now });
      c.syncState = 'queued';
    } else {
      c.syncState = rest ? 'queued' : 'sent';
    }
    await db.cases.put(c);
  });
}

async function ackUpdate(db: CaptureDb, caseId: string, entryId: number, now: number) {
  await db.transaction('rw', db.cases, db.outbox, async () => {
    await db.outbox.delete(entryId);
    const c = await db.cases.get(caseId);
    if (!c) return;
    const rest = await db.outbox.where('caseId').equals(caseId).count();
    if (!rest && c.backend) {
      c.syncState = 'sent';
      c.syncError = null;
      c.backend = { ...c.backend, syncedAt: new Date(now).toISOString() };
      await db.cases.put(c);
    }
  });
}

async function recordFailure(db: CaptureDb, adapter: Adapter, entry: OutboxEntry, e: unknown, now: number, opts: DrainOptions): Promise<Outcome> {
  const attempts = entry.attempts + 1;
  const delay = backoffDelay(entry.attempts, opts.backoff ?? DEFAULT_BACKOFF, opts.random);
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof PermanentError) {
    await db.transaction('rw', db.cases, db.outbox, async () => {
      // A failed create that got as far as a 2xx or a lookup is looked up again when retried.
      await db.outbox.update(entry.id!, { state: 'failed', attempts, lastError: message, inflightAt: undefined });
      await db.cases.update(entry.caseId, { syncState: 'failed', syncError: message });
    });
    return { kind: 'failed' };
  }
  let state: OutboxEntry['state'] = 'pending';
  let nextAttemptAt = now + delay;
  let holdUntil: number | undefined;
  if (e instanceof UnknownOutcomeError || (entry.state === 'unknown' && entry.op === 'create')) {
    state = 'unknown';
    nextAttemptAt = now + Math.max(delay, adapter.lookupDelayMs);
  }
  if (e instanceof TransientError && e.retryAfterMs !== undefined) {
    // Retry-After is honoured exactly, and for every request, not just this one.
    nextAttemptAt = now + e.retryAfterMs;
    holdUntil = nextAttemptAt;
  }
  await db.outbox.update(entry.id!, { state, attempts, nextAttemptAt, lastError: message, inflightAt: undefined });
  return { kind: 'retried', holdUntil };
}
