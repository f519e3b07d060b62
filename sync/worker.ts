import type { Case, LogEntry, StoredMention } from '../domain/case';
import type { OutboxEntry } from '../domain/outbox';
import type { CaptureDb } from '../storage/db';
import { PermanentError, TransientError, type Adapter, type CreateInput, type UpdateInput } from './adapter';
import { evidenceInput } from './evidence-input';
import { createInput, syncMention } from './create-input';
import type { Clock, DrainOptions } from './drain-options';
import { settle, type Done, type Job } from './settle';
import { problem } from '../domain/problem';

/** Without a wording: the agent's text, or the code with its data. */
const plainLogText = (e: LogEntry) =>
  e.text || [e.code ?? e.kind, ...Object.values(e.params ?? {})].filter(Boolean).join(' ');

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  /** When the next entry is due (epoch ms), or null when the outbox holds nothing to try. */
  nextDueAt: number | null;
}

/**
 * Pushes due outbox entries through the adapter, `concurrency` requests at a time. Entries of one
 * case go in order (its create first, then its updates), so an update never reaches the backend
 * before the case exists. A 429/503 with Retry-After holds every new request until that time.
 *
 * Entries go in chunks: one IndexedDB transaction claims a chunk (marks it in flight), one
 * settles it (acknowledged, retried, failed), which is what keeps the flush fast (a
 * transaction per request cost more than the loopback request). While one chunk's requests are
 * out, the next chunk is claimed and the previous one settled, so the connections do not wait
 * for the database.
 */
export async function drainOutbox(
  db: CaptureDb,
  adapter: Adapter,
  clock: Clock,
  opts: DrainOptions = {},
): Promise<DrainResult> {
  const concurrency = opts.concurrency ?? 6;
  const result: DrainResult = { sent: 0, retried: 0, failed: 0, nextDueAt: null };
  await recoverInflight(db, clock.now() - (opts.inflightTimeoutMs ?? 120_000));
  const hold = { until: 0 };
  const held = () => hold.until > clock.now();

  for (;;) {
    const { due, nextDueAt } = await dueEntries(db, clock.now());
    result.nextDueAt = nextDueAt;
    if (!due.length || held()) break;
    const size = concurrency * CHUNK_PER_WORKER;
    let settling: Promise<void> = Promise.resolve();
    const settleLater = (done: Done[]) => {
      settling = settling.then(async () => {
        for (const o of await settle(db, adapter, clock.now(), done, opts)) result[o]++;
        opts.onProgress?.();
      });
    };
    let claimed: Promise<Job[]> | null = claim(db, due.slice(0, size), clock.now());
    try {
      for (let i = 0; claimed; i += size) {
        const jobs = await claimed;
        claimed = null;
        if (held()) {
          // Claimed before a Retry-After came in: back to the queue untouched.
          settleLater(jobs.map((job) => ({ job, kind: 'skipped' })));
          break;
        }
        if (i + size < due.length) claimed = claim(db, due.slice(i + size, i + 2 * size), clock.now());
        settleLater(await sendAll(adapter, jobs, concurrency, hold, clock, opts.logText ?? plainLogText));
      }
    } finally {
      // Everything sent is settled before the queue is read again (or the drain ends). A chunk
      // claimed but never sent (the drain failed) is recovered like one of a stopped worker.
      void claimed?.catch(() => {});
      await settling;
    }
  }
  if (held()) result.nextDueAt = Math.max(result.nextDueAt ?? 0, hold.until);
  return result;
}

/** Entries per chunk and request slot: 96 a chunk at concurrency 6. */
const CHUNK_PER_WORKER = 16;

/**
 * Inflight entries whose worker is gone: a create (or an evidence upload, which a helpdesk cannot
 * replay by key) may have reached the backend, so it is "unknown" and looked up before it is sent again.
 */
export async function recoverInflight(db: CaptureDb, olderThan = Number.POSITIVE_INFINITY): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const stale = (await db.outbox.where('state').equals('inflight').toArray()).filter(
      (e) => (e.inflightAt ?? 0) < olderThan,
    );
    for (const e of stale)
      await db.outbox.update(e.id!, { state: e.op === 'update' ? 'pending' : 'unknown', inflightAt: undefined });
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

/** Marks a chunk in flight (if the worker dies, start-up recovery knows a request may have gone) and reads what its requests are built from. */
function claim(db: CaptureDb, chunk: OutboxEntry[], now: number): Promise<Job[]> {
  return db.transaction('rw', db.outbox, db.cases, db.mentions, db.evidence, async () => {
    // Read again: only what is still waiting is claimed. Ids are ascending: one range read.
    const ids = new Set(chunk.map((e) => e.id!));
    const [stored, cases] = await Promise.all([
      db.outbox.where(':id').between(chunk[0]!.id!, chunk.at(-1)!.id!, true, true).toArray(),
      db.cases.bulkGet(chunk.map((e) => e.caseId)),
    ]);
    const byId = new Map(stored.filter((e) => ids.has(e.id!)).map((e) => [e.id!, e]));
    const fresh = chunk.flatMap((e, i) => {
      const s = byId.get(e.id!);
      return s && (s.state === 'pending' || s.state === 'unknown') ? [{ entry: s, kase: cases[i] }] : [];
    });
    const [mentions, attached, evidence] = await Promise.all([
      db.mentions.bulkGet(fresh.map((f) => f.kase?.mentionIds[0] ?? '')),
      db.mentions.bulkGet(fresh.map((f) => f.entry.patch?.mentionId ?? '')),
      db.evidence.bulkGet(fresh.map((f) => f.entry.patch?.evidenceId ?? '')),
      db.outbox.bulkPut(fresh.map((f) => ({ ...f.entry, state: 'inflight' as const, inflightAt: now }))),
    ]);
    return fresh.map((f, i): Job => ({ ...f, first: mentions[i], attached: attached[i], evidence: evidence[i] }));
  });
}

/** Sends a claimed chunk, `concurrency` requests at a time; what became of each job. */
async function sendAll(
  adapter: Adapter,
  jobs: Job[],
  concurrency: number,
  hold: { until: number },
  clock: Clock,
  logText: (e: LogEntry) => string,
): Promise<Done[]> {
  const done: Done[] = [];
  const tasks = plan(adapter, jobs, concurrency);
  const worker = async () => {
    for (let task = tasks.shift(); task; task = tasks.shift()) {
      if (hold.until > clock.now()) {
        for (const job of task.jobs) done.push({ job, kind: 'skipped' });
        continue;
      }
      try {
        if (!task.batch) done.push(await send(adapter, task.jobs[0]!, logText));
        else {
          const batch = await sendBatch(adapter, task.jobs);
          done.push(...batch.done);
          // Not taken by the batch: one request each.
          tasks.push(...batch.alone.map((j) => ({ batch: false, jobs: [j] })));
        }
      } catch (error) {
        if (error instanceof TransientError && error.retryAfterMs !== undefined)
          hold.until = Math.max(hold.until, clock.now() + error.retryAfterMs);
        for (const job of task.jobs) done.push({ job, kind: 'error', error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return done;
}

/** Creates in one batch request: spread over the connections, but not fewer than MIN a request. */
const BATCH_MIN = 8;
const BATCH_MAX = 25;

/** One request: a batch of creates, or one entry. */
interface Task {
  batch: boolean;
  jobs: Job[];
}

/**
 * The requests for a chunk: first creates in batches (when the adapter has createMany), then
 * everything else one by one. Only a first-time create goes in a batch: one whose answer was lost
 * (unknown) is looked up first, one at a time, as before.
 */
function plan(adapter: Adapter, jobs: Job[], concurrency: number): Task[] {
  const batchable = (j: Job) =>
    j.entry.op === 'create' &&
    j.entry.state === 'pending' &&
    !!j.kase &&
    !!j.first &&
    (adapter.nativeIdempotency || j.entry.attempts === 0);
  const creates = adapter.createMany ? jobs.filter(batchable) : [];
  const size = Math.min(BATCH_MAX, Math.max(BATCH_MIN, Math.ceil(creates.length / concurrency)));
  const tasks: Task[] = [];
  for (let i = 0; i < creates.length; i += size) tasks.push({ batch: true, jobs: creates.slice(i, i + size) });
  const batched = new Set(creates);
  return [...tasks, ...jobs.filter((j) => !batched.has(j)).map((j) => ({ batch: false, jobs: [j] }))];
}

/** One batch request; the jobs the adapter did not send go back as `alone`. */
async function sendBatch(adapter: Adapter, jobs: Job[]): Promise<{ done: Done[]; alone: Job[] }> {
  const done: Done[] = [];
  const ready: { job: Job; input: CreateInput }[] = [];
  for (const job of jobs) {
    try {
      ready.push({ job, input: createInput(job.kase!, job.first!) });
    } catch (error) {
      done.push({ job, kind: 'error', error });
    }
  }
  const answers = ready.length ? await adapter.createMany!(ready.map((r) => r.input)) : [];
  const alone: Job[] = [];
  ready.forEach(({ job }, i) => {
    const a = answers[i] ?? null;
    if (a === null) alone.push(job);
    else if (a instanceof Error) done.push({ job, kind: 'error', error: a });
    else done.push({ job, kind: 'created', remote: a });
  });
  return { done, alone };
}

async function send(adapter: Adapter, job: Job, logText: (e: LogEntry) => string): Promise<Done> {
  const { entry, kase } = job;
  if (!kase) return { job, kind: 'orphan' };
  if (entry.op === 'create') {
    if (!job.first)
      throw Object.assign(new PermanentError('The captured mention of this case is missing'), {
        problem: problem('sync_mention_missing'),
      });
    const input = createInput(kase, job.first);
    // After a lost answer (or any earlier try, for backends without idempotency keys) look first.
    if (entry.state === 'unknown' || (!adapter.nativeIdempotency && entry.attempts > 0)) {
      const found = await adapter.findByKey(input);
      if (found) return { job, kind: 'created', remote: found };
    }
    return { job, kind: 'created', remote: await adapter.create(input) };
  }
  if (!kase.backend)
    throw Object.assign(
      new PermanentError('This case was never sent to the backend (captured before a backend was set up)'),
      { problem: problem('sync_never_sent') },
    );
  if (entry.op === 'evidence') {
    // Purged with its mention (retention) before it was sent: nothing is left to send.
    if (!job.evidence) return { job, kind: 'orphan' };
    await adapter.sendEvidence(await evidenceInput(kase.backend.id, entry, job.evidence));
    return { job, kind: 'updated' };
  }
  await adapter.update(updateInput(kase, entry, job.attached, logText));
  return { job, kind: 'updated' };
}

function updateInput(
  kase: Case,
  entry: OutboxEntry,
  attached: StoredMention | undefined,
  logText: (e: LogEntry) => string,
): UpdateInput {
  const p = entry.patch ?? {};
  const input: UpdateInput = { remoteId: kase.backend!.id, idempotencyKey: entry.idempotencyKey };
  if (p.status) input.status = p.status;
  if (p.owner !== undefined) input.owner = p.owner;
  if (p.ownerId !== undefined) input.ownerId = p.ownerId;
  if (p.group !== undefined) input.group = p.group;
  if (attached) input.mention = syncMention(attached);
  const log = p.logEntryId ? kase.log.find((l) => l.id === p.logEntryId) : undefined;
  // The backend writes its own "Added from …" for an attached mention; its log line would repeat it.
  if (log && !(attached && log.kind === 'mention'))
    input.note = {
      kind: p.handoff ? 'handoff' : log.kind === 'decision' ? 'decision' : 'note',
      text: logText(log),
      by: log.by,
    };
  return input;
}
