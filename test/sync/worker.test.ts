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
  type UpdateInput,
} from '../../sync/adapter';
import { drainOutbox, recoverInflight } from '../../sync/worker';
import { refreshFromBackend } from '../../sync/refresh';
import { sampleMention } from '../server/fixtures';
import { unusedTeam } from './fake-fetch';

const review = { category: 'outage' as const, severity: 'high' as const, owner: null, note: 'n' };

/** A backend in memory: cases by key; a script of errors to throw per call. */
function fakeAdapter(script: (call: string, n: number) => Error | void = () => {}, native = true) {
  const byKey = new Map<string, RemoteCase & { updates: UpdateInput[] }>();
  const calls: string[] = [];
  let n = 0;
  const adapter: Adapter = {
    kind: 'http',
    nativeIdempotency: native,
    lookupDelayMs: 0,
    async create(input: CreateInput) {
      calls.push('create');
      const err = script('create', n++);
      if (err instanceof UnknownOutcomeError) {
        // The case is stored; the answer is lost.
        byKey.set(
          input.idempotencyKey,
          byKey.get(input.idempotencyKey) ?? {
            id: `r${byKey.size + 1}`,
            url: null,
            status: 'new',
            owner: null,
            updates: [],
          },
        );
      }
      if (err) throw err;
      const c = byKey.get(input.idempotencyKey) ?? {
        id: `r${byKey.size + 1}`,
        url: null,
        status: 'new' as const,
        owner: null,
        updates: [],
      };
      byKey.set(input.idempotencyKey, c);
      return c;
    },
    async findByKey(input) {
      calls.push('find');
      const err = script('find', n++);
      if (err) throw err;
      return byKey.get(input.idempotencyKey) ?? null;
    },
    async read(id) {
      calls.push('read');
      return [...byKey.values()].find((c) => c.id === id)!;
    },
    async update(input) {
      calls.push('update');
      const err = script('update', n++);
      if (err) throw err;
      [...byKey.values()].find((c) => c.id === input.remoteId)!.updates.push(input);
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

async function capture(db: CaptureDb, n: number) {
  return saveCapture(db, { mention: sampleMention(n), review, agent: 'Sanne', syncEnabled: true });
}

describe('drainOutbox', () => {
  it('creates every case once and marks it sent with its backend id', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    for (let i = 0; i < 20; i++) await capture(db, i);
    const { adapter, byKey } = fakeAdapter();
    const r = await drainOutbox(db, adapter, clock(), { concurrency: 4 });
    expect(r.sent).toBe(20);
    expect(byKey.size).toBe(20);
    expect(await db.outbox.count()).toBe(0);
    const cases = await db.cases.toArray();
    expect(cases.every((c) => c.syncState === 'sent' && c.backend?.id.startsWith('r'))).toBe(true);
  });

  it('looks the key up after a lost answer instead of creating again', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const { caseId } = await capture(db, 1);
    const { adapter, byKey, calls } = fakeAdapter((call, n) =>
      call === 'create' && n === 0 ? new UnknownOutcomeError('dropped') : undefined,
    );
    const c = clock();
    await drainOutbox(db, adapter, c, { random: () => 0.5 });
    expect((await db.outbox.toArray())[0]?.state).toBe('unknown');
    c.t.now += 60_000;
    await drainOutbox(db, adapter, c);
    expect(calls).toEqual(['create', 'find']);
    expect(byKey.size).toBe(1);
    expect((await db.cases.get(caseId))?.syncState).toBe('sent');
  });

  it('honours Retry-After exactly and holds every other request until then', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    for (let i = 0; i < 5; i++) await capture(db, i);
    const { adapter, calls } = fakeAdapter((call, n) => (n === 0 ? new TransientError('429', 7_000) : undefined));
    const c = clock();
    const r = await drainOutbox(db, adapter, c, { concurrency: 1 });
    expect(calls).toHaveLength(1);
    expect(r.nextDueAt).toBe(c.t.now + 7_000);
    expect((await db.outbox.orderBy('id').first())?.nextAttemptAt).toBe(c.t.now + 7_000);
    // Turned away, not tried: the backoff of later failures does not grow from it.
    expect((await db.outbox.orderBy('id').first())?.attempts).toBe(0);
    c.t.now += 7_000;
    expect((await drainOutbox(db, adapter, c)).sent).toBe(5);
  });

  it('backs off with jitter on 5xx, and stops at a permanent error with the backend message', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const a = await capture(db, 1);
    const b = await capture(db, 2);
    const { adapter } = fakeAdapter((call, n) =>
      n === 0
        ? new TransientError('The case backend answered 503')
        : n === 1
          ? new PermanentError('The case backend answered 400: Invalid body', 400)
          : undefined,
    );
    const c = clock();
    const r = await drainOutbox(db, adapter, c, {
      concurrency: 1,
      random: () => 0.5,
      backoff: { baseMs: 1000, capMs: 60_000 },
    });
    expect(r.failed).toBe(1);
    const [ea, eb] = await db.outbox.orderBy('id').toArray();
    expect(ea?.nextAttemptAt).toBe(c.t.now + 500);
    expect(eb?.state).toBe('failed');
    expect((await db.cases.get(b.caseId))?.syncState).toBe('failed');
    expect((await db.cases.get(b.caseId))?.syncError).toMatch(/400: Invalid body/);
    expect((await db.cases.get(a.caseId))?.syncState).toBe('queued');
  });

  it('keeps updates behind their create and sends them in order after it', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const { caseId } = await capture(db, 1);
    await updateCase(db, { caseId, status: 'open', agent: 'Sanne', syncEnabled: true });
    await updateCase(db, { caseId, owner: 'Joost', agent: 'Sanne', syncEnabled: true });
    const { adapter, byKey, calls } = fakeAdapter((call, n) =>
      call === 'create' && n === 0 ? new TransientError('503') : undefined,
    );
    const c = clock();
    await drainOutbox(db, adapter, c, { random: () => 0.5 });
    expect(calls).toEqual(['create']);
    c.t.now += 60_000;
    await drainOutbox(db, adapter, c);
    expect(calls).toEqual(['create', 'create', 'update', 'update']);
    expect([...byKey.values()][0]?.updates.map((u) => [u.status, u.owner])).toEqual([
      ['open', undefined],
      [undefined, 'Joost'],
    ]);
    expect((await db.cases.get(caseId))?.syncState).toBe('sent');
  });

  it('without native idempotency, a 5xx on a create waits for the lookup window and looks up first', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    await capture(db, 1);
    const { adapter, calls } = fakeAdapter(
      (call, n) => (n === 0 ? new TransientError('Freshdesk answered 502') : undefined),
      false,
    );
    (adapter as { lookupDelayMs: number }).lookupDelayMs = 300_000;
    const c = clock();
    await drainOutbox(db, adapter, c, { random: () => 0.5 });
    const e = (await db.outbox.toArray())[0];
    expect([e?.state, e?.nextAttemptAt]).toEqual(['unknown', c.t.now + 300_000]);
    c.t.now += 300_000;
    await drainOutbox(db, adapter, c);
    expect(calls).toEqual(['create', 'find', 'create']);
  });

  it('turns orphaned inflight creates into unknown on start-up', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    await capture(db, 1);
    await db.outbox.toCollection().modify({ state: 'inflight', inflightAt: 5 });
    expect(await recoverInflight(db)).toBe(1);
    expect((await db.outbox.toArray())[0]?.state).toBe('unknown');
  });

  it('brings status and owner back from the backend for sent cases', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const { caseId } = await capture(db, 1);
    const { adapter, byKey } = fakeAdapter();
    await drainOutbox(db, adapter, clock());
    const remote = [...byKey.values()][0]!;
    remote.status = 'open';
    remote.owner = 'Joost';
    expect(await refreshFromBackend(db, adapter, clock())).toBe(2);
    const c = await db.cases.get(caseId);
    expect([c?.status, c?.owner]).toEqual(['open', 'Joost']);
    expect(c?.log.at(-1)?.by).toBe('http backend');
  });
});
