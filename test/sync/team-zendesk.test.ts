import { describe, expect, it } from 'vitest';
import { zendeskAdapter } from '../../sync/adapters/zendesk';
import type { CreateInput } from '../../sync/adapter';
import { TeamCaseSchema, TeamHistoryEntrySchema } from '../../domain/team';
import { sampleMention } from '../server/fixtures';
import { FakeZendesk } from '../fakes/zendesk';

const input = (n: number, over: Partial<CreateInput> = {}): CreateInput => ({
  caseId: `c${n}`,
  idempotencyKey: crypto.randomUUID(),
  mention: sampleMention(n),
  category: 'outage',
  severity: 'high',
  note: '',
  capturedBy: 'Anna',
  ...over,
});

function team() {
  const zd = new FakeZendesk();
  const anna = zd.addAgent('Anna');
  const bram = zd.addAgent('Bram');
  const opts = { fetch: zd.fetch, timeoutMs: 1000, now: zd.clock.now };
  return {
    zd,
    anna: zendeskAdapter(zd.base, anna.credentials, opts),
    bram: zendeskAdapter(zd.base, bram.credentials, opts),
    ids: { anna: anna.id, bram: bram.id },
  };
}

describe('zendesk team reads (against the fake)', () => {
  it('finds a colleague’s ticket by post and by author at once; a thread only once the search index has it', async () => {
    const { zd, anna, bram } = team();
    const post = await anna.create(input(1));
    const reply = await anna.create(
      input(2, {
        mention: sampleMention(2, {
          author: { name: 'Joost', handle: 'joost', profileUrl: null, followers: null },
          parentUrl: sampleMention(1).url,
        }),
      }),
    );
    const keys = { posts: [sampleMention(1).url], authors: ['x:marloesdv'], threads: [sampleMention(1).url] };
    const now = await bram.team.lookup(keys);
    expect(now.map((c) => [c.remoteId, c.matched])).toEqual([[post.id, ['post', 'author']]]);
    zd.clock.advance(zd.searchLagMs);
    const later = await bram.team.lookup(keys);
    expect(later.map((c) => [c.remoteId, c.matched])).toEqual([
      [post.id, ['post', 'author', 'thread']],
      [reply.id, ['thread']],
    ]);
    expect(later.every((c) => TeamCaseSchema.safeParse(c).success)).toBe(true);
  });

  it('carries status, owner, who captured it, the latest decision, who acted last and the agent URL', async () => {
    const { anna, bram, ids } = team();
    const made = await anna.create(input(1));
    await anna.update({
      remoteId: made.id,
      idempotencyKey: 'a',
      status: 'open',
      owner: 'Anna',
      ownerId: String(ids.anna),
    });
    await anna.update({
      remoteId: made.id,
      idempotencyKey: 'b',
      note: { kind: 'decision', text: 'Credit a month', by: 'Anna' },
    });
    const [c] = await bram.team.lookup({ posts: [sampleMention(1).url], authors: [], threads: [] });
    expect(c).toMatchObject({
      remoteId: made.id,
      url: `https://acme.zendesk.com/agent/tickets/${made.id}`,
      status: 'open',
      owner: 'Anna',
      capturedBy: 'Anna',
      category: 'outage',
      severity: 'high',
      postUrl: sampleMention(1).url,
      latestDecision: { by: 'Anna', text: 'Credit a month' },
      lastActivity: { by: 'Anna', kind: 'decision' },
    });
    expect(await bram.team.read(made.id)).toMatchObject({ owner: 'Anna', latestDecision: { text: 'Credit a month' } });
  });

  it('reads the whole history from the audits: created, status, "Anna → Bram" with the hand-off note, notes', async () => {
    const { zd, anna, bram, ids } = team();
    const made = await anna.create(input(1));
    const billing = zd.addGroup('Billing', [ids.bram]);
    await anna.update({
      remoteId: made.id,
      idempotencyKey: 'a',
      owner: 'Anna',
      ownerId: String(ids.anna),
      status: 'open',
    });
    await anna.update({
      remoteId: made.id,
      idempotencyKey: 'b',
      owner: 'Bram',
      ownerId: String(ids.bram),
      note: { kind: 'handoff', text: 'Calls back at 3', by: 'Anna' },
    });
    await bram.update({ remoteId: made.id, idempotencyKey: 'c', group: { id: String(billing), name: 'Billing' } });
    const h = await bram.team.history(made.id);
    expect(h.every((e) => TeamHistoryEntrySchema.safeParse(e).success)).toBe(true);
    expect(h.map((e) => [e.kind, e.by, e.text])).toEqual([
      ['created', 'Anna', 'Ticket created'],
      ['owner', 'Anna', 'nobody → Anna'],
      ['status', 'Anna', 'Status new → open'],
      ['owner', 'Anna', 'Anna → Bram: Calls back at 3'],
      ['owner', 'Bram', 'Bram → team Billing'],
    ]);
    expect(h[3]).toMatchObject({ from: 'Anna', to: 'Bram', note: 'Calls back at 3' });
  });

  it('lists assignable agents and groups, and who the credentials belong to', async () => {
    const { zd, bram, ids } = team();
    zd.addGroup('Billing', [ids.anna, ids.bram]);
    expect(await bram.team.roster()).toEqual({
      agents: [
        { id: String(ids.anna), name: 'Anna' },
        { id: String(ids.bram), name: 'Bram' },
      ],
      groups: [{ id: expect.any(String), name: 'Billing' }],
    });
    expect(await bram.team.me()).toEqual({ id: String(ids.bram), name: 'Bram' });
    expect(await bram.team.mention('1')).toBeNull();
  });

  it('paces polls by the rate-limit headers and holds them for a Retry-After', async () => {
    const zd = new FakeZendesk({ perMinute: 10 });
    const a = zendeskAdapter(zd.base, zd.addAgent('Anna').credentials, {
      fetch: zd.fetch,
      timeoutMs: 1000,
      now: zd.clock.now,
    });
    const at = zd.clock.now();
    await a.team.lookup({ posts: [sampleMention(1).url], authors: [], threads: [] });
    expect(a.team.nextPollAt(at, 30_000)).toBe(at + 30_000);
    for (let i = 0; i < 8; i++) await a.team.lookup({ posts: [sampleMention(1).url], authors: [], threads: [] });
    expect(a.team.nextPollAt(at, 30_000)).toBe(at + 60_000);
    zd.limit.throttleNext(1, 120);
    await expect(a.team.lookup({ posts: [sampleMention(1).url], authors: [], threads: [] })).rejects.toMatchObject({
      retryAfterMs: 120_000,
    });
    expect(a.team.nextPollAt(at, 30_000)).toBe(at + 120_000);
  });
});
