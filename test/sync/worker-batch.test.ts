import { describe, expect, it } from 'vitest';
import { CaptureDb } from '../../storage/db';
import { saveCapture } from '../../storage/save-capture';
import { updateCase } from '../../storage/update-case';
import {
  PermanentError,
  TransientError,
  UnknownOutcomeError,
  type Adapter,
  type CreateInput,
  type RemoteCase,
  type SyncError,
} from '../../sync/adapter';
import { drainOutbox } from '../../sync/worker';
import { sampleMention } from '../server/fixtures';
import { unusedTeam } from './fake-fetch';

// Creates go to backends with a batch endpoint many to a request, with the guarantees of
// one create per request: each case once, its updates after it, Retry-After honoured, a lost
// answer looked up before anything is sent again.

const review = { category: 'outage' as const, severity: 'high' as const, owner: null, note: 'n' };

type Answer = RemoteCase | SyncError | null;

/** A backend in memory with createMany; `script` can fail a whole batch or answer per case. */
function batchAdapter(
  script: (
    call: number,
    inputs: CreateInput[],
  ) => Error | ((input: CreateInput, i: number) => Answer | undefined) | void = () => {},
) {
  const byKey = new Map<string, RemoteCase>();
  const calls: string[] = [];
  let n = 0;
  const store = (input: CreateInput) => {
    const c = byKey.get(input.idempotencyKey) ?? {
      id: `r${byKey.size + 1}`,
      url: null,
      status: 'new' as const,
      owner: null,
    };
    byKey.set(input.idempotencyKey, c);
    return c;
  };
  const adapter: Adapter = {
    kind: 'http',
    nativeIdempotency: true,
    lookupDelayMs: 0,
    async create(input) {
      calls.push('create');
      return store(input);
    },
    async createMany(inputs) {
      calls.push(`batch(${inputs.length})`);
      const s = script(n++, inputs);
      if (s instanceof UnknownOutcomeError) inputs.forEach(store);
      if (s instanceof Error) throw s;
      return inputs.map((input, i) => {
        const a = s?.(input, i);
        return a === undefined ? store(input) : a;
      });
    },
    async findByKey(input) {
      calls.push('find');
      return byKey.get(input.idempotencyKey) ?? null;
    },
    async read(id) {
      return [...byKey.values()].find((c) => c.id === id)!;
    },
    async update() {
      calls.push('update');
    },
    async sendEvidence() {
      calls.push('evidence');
    },
    async testConnection() {
      return { backend: 'fake', agent: null };
    },
    team: unusedTeam,
  };
  return { adapter, byKey, calls };
}

const clock = (t = { now: Date.now() + 1000 }) => ({ now: () => t.now, t });

async function captures(n: number) {
  const db = new CaptureDb(`t-${crypto.randomUUID()}`);
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await saveCapture(db, { mention: sampleMention(i), review, agent: 'Sanne', syncEnabled: true })).caseId);
  return { db, ids };
}

describe('drainOutbox with a batch endpoint', () => {
  it('sends creates in batches spread over the connections, each case once, and marks them sent', async () => {
    const { db } = await captures(200);
    const { adapter, byKey, calls } = batchAdapter();
    const r = await drainOutbox(db, adapter, clock(), { concurrency: 6 });
    expect(r.sent).toBe(200);
    expect(byKey.size).toBe(200);
    expect(calls.every((c) => c.startsWith('batch('))).toBe(true);
    expect(calls.length).toBeLessThan(20);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.cases.toArray()).every((c) => c.syncState === 'sent' && c.backend?.id.startsWith('r'))).toBe(true);
  });

  it('after a lost batch answer looks every case up on its own before sending it again', async () => {
    const { db } = await captures(4);
    const { adapter, byKey, calls } = batchAdapter((call) =>
      call === 0 ? new UnknownOutcomeError('connection closed') : undefined,
    );
    const c = clock();
    await drainOutbox(db, adapter, c, { random: () => 0.5 });
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    c.t.now += 60_000;
    await drainOutbox(db, adapter, c);
    expect(calls).toEqual(['batch(4)', 'find', 'find', 'find', 'find']);
    expect(byKey.size).toBe(4);
    expect((await db.cases.toArray()).every((x) => x.syncState === 'sent')).toBe(true);
  });

  it('holds everything for the Retry-After of a turned-away batch, without counting it as an attempt', async () => {
    const { db } = await captures(200);
    const { adapter, calls } = batchAdapter((call) => (call === 0 ? new TransientError('429', 5_000) : undefined));
    const c = clock();
    const r = await drainOutbox(db, adapter, c, { concurrency: 1 });
    expect(calls).toEqual(['batch(16)']);
    expect(r.nextDueAt).toBe(c.t.now + 5_000);
    const entries = await db.outbox.toArray();
    expect(entries.every((e) => e.attempts === 0 && e.state === 'pending')).toBe(true);
    expect(entries.filter((e) => e.nextAttemptAt === c.t.now + 5_000)).toHaveLength(16);
    c.t.now += 5_000;
    expect((await drainOutbox(db, adapter, c)).sent).toBe(200);
  });

  it('settles each case by its own answer: failed, retried, or sent alone when the batch did not take it', async () => {
    const { db, ids } = await captures(3);
    const { adapter, calls } = batchAdapter(
      () => (_input, i) =>
        i === 0
          ? new PermanentError('The case backend answered 422: other body', 422)
          : i === 1
            ? new TransientError('busy')
            : null,
    );
    const c = clock();
    const r = await drainOutbox(db, adapter, c, { random: () => 0.5 });
    expect(r).toMatchObject({ sent: 1, retried: 1, failed: 1 });
    expect(calls).toEqual(['batch(3)', 'create']);
    const [a, b, d] = await Promise.all(ids.map((id) => db.cases.get(id)));
    expect([a?.syncState, a?.syncError]).toEqual(['failed', 'The case backend answered 422: other body']);
    expect(b?.syncState).toBe('queued');
    expect(d?.syncState).toBe('sent');
  });

  it("keeps a case's updates behind its batched create, also when later captures are queued after them", async () => {
    const { db, ids } = await captures(5);
    await updateCase(db, { caseId: ids[2]!, status: 'open', agent: 'Sanne', syncEnabled: true });
    const late = await saveCapture(db, { mention: sampleMention(99), review, agent: 'Sanne', syncEnabled: true });
    const { adapter, calls } = batchAdapter();
    await drainOutbox(db, adapter, clock());
    expect(calls).toEqual(['batch(6)', 'update']);
    expect((await db.cases.get(ids[2]!))?.syncState).toBe('sent');
    expect((await db.cases.get(late.caseId))?.syncState).toBe('sent');
  });
});
