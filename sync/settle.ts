import type { Case, StoredMention } from '../domain/case';
import type { StoredEvidence } from '../domain/evidence';
import { newOutboxEntry, type OutboxEntry, type OutboxPatch } from '../domain/outbox';
import type { CaptureDb } from '../storage/db';
import { PermanentError, TransientError, UnknownOutcomeError, type Adapter, type RemoteCase } from './adapter';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { codedLogEntry } from '../domain/case-records';
import type { DrainOptions } from './drain-options';
import { problemOf } from '../domain/problem';

export type Outcome = 'sent' | 'retried' | 'failed';

/** One claimed outbox entry with what its request is built from. */
export interface Job {
  /** The entry as it was before it was claimed (its state says whether to look up first). */
  entry: OutboxEntry;
  kase: Case | undefined;
  first: StoredMention | undefined;
  /** For an update that attaches a mention: that mention. */
  attached?: StoredMention;
  /** For an evidence upload: the record (absent when purged since it was queued). */
  evidence?: StoredEvidence;
}

export type Done = { job: Job } & (
  | { kind: 'created'; remote: RemoteCase }
  | { kind: 'updated' }
  | { kind: 'error'; error: unknown }
  | { kind: 'skipped' }
  | { kind: 'orphan' }
);

/** Writes the outcome of a chunk in one transaction: acknowledged cases, retries, failures. */
export async function settle(
  db: CaptureDb,
  adapter: Adapter,
  now: number,
  done: Done[],
  opts: DrainOptions,
): Promise<Outcome[]> {
  if (!done.length) return [];
  return db.transaction('rw', db.cases, db.outbox, async () => {
    const caseIds = [...new Set(done.map((d) => d.job.entry.caseId))];
    const finished = new Set(
      done
        .filter((d) => d.kind === 'created' || d.kind === 'updated' || d.kind === 'orphan')
        .map((d) => d.job.entry.id!),
    );
    await db.outbox.bulkDelete([...finished]);
    // One count per case, all sent at once (an anyOf() cursor would be a round trip per key).
    const [counts, stored] = await Promise.all([
      Promise.all(caseIds.map((id) => db.outbox.where('caseId').equals(id).count())),
      db.cases.bulkGet(caseIds),
    ]);
    const remaining = new Map(caseIds.map((id, i) => [id, counts[i] ?? 0]));
    const cases = new Map(stored.filter((c): c is Case => !!c).map((c) => [c.id, c]));
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
        c.syncProblem = null;
        if (d.remote.existing) {
          // The team had this post already: the capture went into that case, whose status and
          // owner are the team's; nothing of this browser's review overrides them.
          joinedTeamCase(c, d.remote, adapter.kind, at);
          c.syncState = rest ? 'queued' : 'sent';
          continue;
        }
        // An owner chosen in the capture review is not part of the create body: send it after.
        const patch: OutboxPatch = {};
        if (c.owner !== d.remote.owner) patch.owner = c.owner;
        if (c.status !== d.remote.status && c.status !== 'new') patch.status = c.status;
        if (Object.keys(patch).length && !rest) {
          added.push(newOutboxEntry({ caseId: c.id, op: 'update', patch, at: now }));
          c.syncState = 'queued';
        } else c.syncState = rest ? 'queued' : 'sent';
      } else if (d.kind === 'updated') {
        outcomes.push('sent');
        if (c?.backend && !rest) {
          c.syncState = 'sent';
          c.syncError = null;
          c.syncProblem = null;
          c.backend = { ...c.backend, syncedAt: at };
        }
      } else {
        const f = failure(adapter, e, d.error, now, opts);
        entryUpdates.push(f.entry);
        outcomes.push(f.outcome);
        if (f.outcome === 'failed' && c) {
          c.syncState = 'failed';
          c.syncError = f.entry.lastError;
          c.syncProblem = f.entry.lastProblem ?? null;
        }
      }
    }
    await db.outbox.bulkPut(entryUpdates);
    if (added.length) await db.outbox.bulkAdd(added);
    await db.cases.bulkPut([...cases.values()]);
    return outcomes;
  });
}

/** A local case whose create found the post's team case: it now stands for that case. */
function joinedTeamCase(c: Case, remote: RemoteCase, kind: string, at: string): void {
  const by = `${kind} backend`;
  c.log.push(codedLogEntry('mention', by, 'joined_team_case', {}, at));
  if (remote.status !== c.status) {
    c.log.push(codedLogEntry('status', by, 'status_changed', { from: c.status, to: remote.status }, at));
    c.status = remote.status;
  }
  if (remote.owner !== c.owner) {
    c.log.push(
      remote.owner
        ? codedLogEntry('owner', by, 'owner_set', { owner: remote.owner }, at)
        : codedLogEntry('owner', by, 'owner_removed', {}, at),
    );
    c.owner = remote.owner;
  }
  c.updatedAt = at;
}

function failure(
  adapter: Adapter,
  e: OutboxEntry,
  error: unknown,
  now: number,
  opts: DrainOptions,
): { entry: OutboxEntry; outcome: Outcome } {
  const throttled = error instanceof TransientError && error.retryAfterMs !== undefined;
  // A request turned away with Retry-After was not processed: it does not count as an attempt,
  // so rate limiting never inflates the backoff of later 5xx retries.
  const attempts = throttled ? e.attempts : e.attempts + 1;
  const lastError = error instanceof Error ? error.message : String(error);
  const base = { ...e, attempts, lastError, lastProblem: problemOf(error), inflightAt: undefined };
  if (error instanceof PermanentError) return { entry: { ...base, state: 'failed' }, outcome: 'failed' };
  const delay = backoffDelay(e.attempts, opts.backoff ?? DEFAULT_BACKOFF, opts.random);
  let state: OutboxEntry['state'] = 'pending';
  let nextAttemptAt = now + delay;
  // Without idempotency keys a 5xx on a create may hide a ticket made behind a proxy: treat it as
  // unknown too, so it is looked up (after the search index caught up) before any new create.
  const mayExist = e.op === 'create' && !throttled && !adapter.nativeIdempotency;
  const lookFirst = e.op !== 'update' && e.state === 'unknown';
  if (error instanceof UnknownOutcomeError || mayExist || lookFirst) {
    state = 'unknown';
    // Only a create is looked up in a search index that lags; an evidence note is read from the ticket.
    nextAttemptAt = now + (e.op === 'create' ? Math.max(delay, adapter.lookupDelayMs) : delay);
  }
  // Retry-After is honoured exactly (and holds every other request: see `hold` in worker.ts).
  if (throttled) nextAttemptAt = now + error.retryAfterMs!;
  return { entry: { ...base, state, nextAttemptAt }, outcome: 'retried' };
}
