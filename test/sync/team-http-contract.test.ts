import { afterEach, describe, expect, it } from 'vitest';
import { httpContractAdapter } from '../../sync/adapters/http-contract';
import type { CreateInput } from '../../sync/adapter';
import { TeamCaseSchema } from '../../domain/team';
import { addAgent, call, sampleMention, startBackend, type Running } from '../server/fixtures';

let be: Running | undefined;
afterEach(async () => {
  await be?.close();
  be = undefined;
});

const input = (n: number, over: Partial<CreateInput> = {}): CreateInput => ({
  caseId: `c${n}`,
  idempotencyKey: crypto.randomUUID(),
  mention: sampleMention(n),
  category: 'outage',
  severity: 'high',
  note: '',
  capturedBy: 'ignored with an agent token',
  ...over,
});
const adapterFor = (token: string) => httpContractAdapter(be!.url, { token }, { fetch, timeoutMs: 5000 });

describe('own contract team reads (against the reference backend)', () => {
  it('finds a colleague’s case by post, author and thread in one request, with who captured and owns it', async () => {
    be = await startBackend();
    const anna = adapterFor(await addAgent(be, 'Anna'));
    const bram = adapterFor(await addAgent(be, 'Bram'));
    const made = await anna.create(input(1));
    await anna.update({ remoteId: made.id, idempotencyKey: crypto.randomUUID(), owner: 'Anna', status: 'open' });
    await anna.update({
      remoteId: made.id,
      idempotencyKey: crypto.randomUUID(),
      note: { kind: 'decision', text: 'Credit a month', by: 'spoofed' },
    });
    const before = be.faults.counts.requests;
    const found = await bram.team.lookup({
      posts: ['https://twitter.com/MarloesDV/status/17900000001'],
      authors: ['x:marloesdv'],
      threads: [sampleMention(1).url],
    });
    expect(be.faults.counts.requests - before).toBe(1);
    expect(found).toHaveLength(1);
    expect(TeamCaseSchema.parse(found[0])).toMatchObject({
      remoteId: made.id,
      status: 'open',
      owner: 'Anna',
      capturedBy: 'Anna',
      latestDecision: { by: 'Anna', text: 'Credit a month' },
      lastActivity: { by: 'Anna', kind: 'decision' },
      matched: ['post', 'author', 'thread'],
      postUrl: sampleMention(1).url,
    });
    expect(await bram.team.read(made.id)).toMatchObject({ remoteId: made.id, owner: 'Anna', matched: [] });
    expect((await bram.team.mention(made.id))?.url).toBe(sampleMention(1).url);
  });

  it('hands off with a note and to a group; history, roster, me, changes and an events URL', async () => {
    be = await startBackend();
    const anna = adapterFor(await addAgent(be, 'Anna'));
    const bram = adapterFor(await addAgent(be, 'Bram'));
    await call(be, 'POST', '/api/groups', { body: { name: 'Billing' } });
    const start = await bram.team.changes!(null);
    expect(start.changes).toEqual([]);
    const made = await anna.create(input(2));
    await anna.update({
      remoteId: made.id,
      idempotencyKey: crypto.randomUUID(),
      owner: 'Bram',
      note: { kind: 'handoff', text: 'Calls at 3', by: 'Anna' },
    });
    await bram.update({
      remoteId: made.id,
      idempotencyKey: crypto.randomUUID(),
      group: { id: null, name: 'Billing' },
      owner: null,
    });
    const h = await bram.team.history(made.id);
    expect(h.filter((e) => e.kind === 'owner').map((e) => [e.by, e.from, e.to, e.note])).toEqual([
      ['Anna', null, 'Bram', 'Calls at 3'],
      ['Bram', 'Bram', 'team Billing', null],
    ]);
    const feed = await bram.team.changes!(start.cursor);
    expect(feed.changes.map((c) => [c.kind, c.by, c.remoteId])).toEqual([
      ['created', 'Anna', made.id],
      ['owner', 'Anna', made.id],
      ['owner', 'Bram', made.id],
    ]);
    expect(await bram.team.roster()).toMatchObject({
      agents: [{ name: 'Anna' }, { name: 'Bram' }],
      groups: [{ name: 'Billing' }],
    });
    expect(await bram.team.me()).toMatchObject({ name: 'Bram' });
    expect(await bram.testConnection()).toEqual({ backend: new URL(be.url).host, agent: 'Bram' });
    expect(await adapterFor('test-token').team.me()).toBeNull();
    const events = await bram.team.eventsUrl!();
    expect(events).toMatch(new RegExp(`^${be.url}/api/events\\?ticket=`));
    const stream = await fetch(events);
    expect(stream.status).toBe(200);
    await stream.body?.cancel();
  });

  it('answers a create for a post the team has with that case, marked existing', async () => {
    be = await startBackend();
    const anna = adapterFor(await addAgent(be, 'Anna'));
    const bram = adapterFor(await addAgent(be, 'Bram'));
    const first = await anna.create(input(3));
    const second = await bram.create(
      input(3, { mention: sampleMention(3, { url: 'https://x.com/i/status/17900000003' }) }),
    );
    expect(second).toMatchObject({ id: first.id, existing: true });
    const batch = await bram.createMany!([input(3), input(4)]);
    expect(batch.map((r) => (r && !(r instanceof Error) ? [r.id === first.id, !!r.existing] : r))).toEqual([
      [true, true],
      [false, false],
    ]);
  });
});
