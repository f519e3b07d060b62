import { describe, expect, it } from 'vitest';
import { freshdeskAdapter } from '../../sync/adapters/freshdesk';
import type { CreateInput } from '../../sync/adapter';
import { TeamCaseSchema } from '../../domain/team';
import { sampleMention } from '../server/fixtures';
import { FakeFreshdesk } from '../fakes/freshdesk';

const input = (n: number, over: Partial<CreateInput> = {}): CreateInput => ({
  caseId: `c${n}`,
  idempotencyKey: crypto.randomUUID(),
  mention: sampleMention(n),
  category: 'delivery',
  severity: 'high',
  note: '',
  capturedBy: 'Anna',
  ...over,
});

function team() {
  const fd = new FakeFreshdesk();
  const anna = fd.addAgent('Anna');
  const bram = fd.addAgent('Bram');
  const opts = { fetch: fd.fetch, timeoutMs: 1000, now: fd.clock.now };
  return {
    fd,
    anna: freshdeskAdapter(fd.base, anna.credentials, opts),
    bram: freshdeskAdapter(fd.base, bram.credentials, opts),
    ids: { anna: anna.id, bram: bram.id },
  };
}

describe('freshdesk team reads (against the fake)', () => {
  it('finds the team’s tickets by post, author and thread through the filter API, once its index caught up', async () => {
    const { fd, anna, bram } = team();
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
    expect(await bram.team.lookup(keys)).toEqual([]);
    fd.clock.advance(fd.searchLagMs);
    const found = await bram.team.lookup(keys);
    expect(found.map((c) => [c.remoteId, c.matched])).toEqual([
      [post.id, ['post', 'author', 'thread']],
      [reply.id, ['thread']],
    ]);
    expect(found.every((c) => TeamCaseSchema.safeParse(c).success)).toBe(true);
    expect(found[0]).toMatchObject({
      url: `https://acme.freshdesk.com/a/tickets/${post.id}`,
      capturedBy: 'Anna',
      category: 'delivery',
      severity: 'high',
      postUrl: sampleMention(1).url,
    });
  });

  it('carries owner, group, the latest decision and who acted last; history from the private notes', async () => {
    const { fd, anna, bram, ids } = team();
    const made = await anna.create(input(1));
    const billing = fd.addGroup('Billing');
    await anna.update({
      remoteId: made.id,
      idempotencyKey: 'a',
      status: 'waiting',
      owner: 'Anna',
      ownerId: String(ids.anna),
    });
    await anna.update({
      remoteId: made.id,
      idempotencyKey: 'b',
      note: { kind: 'decision', text: 'Refund', by: 'Anna' },
    });
    await anna.update({
      remoteId: made.id,
      idempotencyKey: 'c',
      group: { id: String(billing), name: 'Billing' },
      note: { kind: 'handoff', text: 'Needs finance', by: 'Anna' },
    });
    const c = await bram.team.read(made.id);
    expect(c).toMatchObject({
      status: 'waiting',
      owner: null,
      ownerGroup: 'Billing',
      latestDecision: { by: 'Anna', text: 'Refund' },
      lastActivity: { by: 'Anna', kind: 'owner' },
    });
    const h = await bram.team.history(made.id);
    expect(h.map((e) => [e.kind, e.by, e.to, e.note])).toEqual([
      ['created', 'Anna', null, null],
      ['owner', 'Anna', 'Anna', null],
      ['decision', 'Anna', null, null],
      ['owner', 'Anna', 'team Billing', 'Needs finance'],
    ]);
  });

  it('splits keys over queries of at most 512 characters, and reads at most two pages of 30', async () => {
    const { fd, bram } = team();
    const authors = Array.from({ length: 40 }, (_, i) => `x:author${i}`);
    expect(await bram.team.lookup({ posts: [], authors, threads: [] })).toEqual([]);
    const queries = fd.log.filter((l) => l.startsWith('GET /api/v2/search/tickets'));
    expect(queries.length).toBeGreaterThan(1);
    expect(queries.every((q) => decodeURIComponent(q.split('query=')[1]!.split('&')[0]!).length <= 512)).toBe(true);
  });

  it('lists agents and groups, and who the key belongs to', async () => {
    const { fd, bram, ids } = team();
    const g = fd.addGroup('Billing');
    expect(await bram.team.roster()).toEqual({
      agents: [
        { id: String(ids.anna), name: 'Anna' },
        { id: String(ids.bram), name: 'Bram' },
      ],
      groups: [{ id: String(g), name: 'Billing' }],
    });
    expect(await bram.team.me()).toEqual({ id: String(ids.bram), name: 'Bram' });
  });

  it('answers 429 with Retry-After past the plan’s limit, and the pacer holds the next poll', async () => {
    const fd = new FakeFreshdesk({ perMinute: 3 });
    const a = freshdeskAdapter(fd.base, fd.addAgent('Anna').credentials, {
      fetch: fd.fetch,
      timeoutMs: 1000,
      now: fd.clock.now,
    });
    const keys = { posts: [sampleMention(1).url], authors: [], threads: [] };
    for (let i = 0; i < 3; i++) await a.team.lookup(keys);
    const e = await a.team.lookup(keys).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'TransientError', retryAfterMs: 60_000 });
    // Nothing is left of the minute's limit: the next poll waits four times the base interval,
    // longer than the Retry-After.
    expect(a.team.nextPollAt(fd.clock.now(), 30_000)).toBe(fd.clock.now() + 120_000);
  });
});
