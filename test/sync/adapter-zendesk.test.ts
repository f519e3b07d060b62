import { describe, expect, it } from 'vitest';
import { zendeskAdapter } from '../../sync/adapters/zendesk';
import { PermanentError, UnknownOutcomeError, type CreateInput } from '../../sync/adapter';
import { keyTag, postKey } from '../../domain/team-keys';
import { sampleMention } from '../server/fixtures';
import { FakeZendesk } from '../fakes/zendesk';
import { fakeFetch } from './fake-fetch';

const input = (over: Partial<CreateInput> = {}): CreateInput => ({
  caseId: 'c1',
  idempotencyKey: crypto.randomUUID(),
  mention: sampleMention(1),
  category: 'billing',
  severity: 'critical',
  note: 'n',
  capturedBy: 'Sanne',
  ...over,
});
const base = 'https://acme.zendesk.com';
const as = (zd: FakeZendesk, name: string) =>
  zendeskAdapter(zd.base, zd.addAgent(name).credentials, { fetch: zd.fetch, timeoutMs: 1000, now: zd.clock.now });

describe('zendesk adapter', () => {
  it('looks the post up, makes the requester by external id, then POSTs the ticket keyed by its post', async () => {
    const zd = new FakeZendesk();
    const a = as(zd, 'Sanne');
    const i = input();
    const remote = await a.create(i);
    expect(remote).toEqual({
      id: String(zd.tickets[0]!.id),
      url: `${base}/agent/tickets/${zd.tickets[0]!.id}`,
      status: 'new',
      owner: null,
    });
    const tag = keyTag('post', postKey(i.mention.url));
    expect(zd.log).toEqual([
      `GET /api/v2/tickets?external_id=${tag}`,
      'POST /api/v2/users/create_or_update',
      'POST /api/v2/tickets',
    ]);
    const t = zd.tickets[0]!;
    expect(t).toMatchObject({
      external_id: tag,
      priority: 'urgent',
      requester_id: zd.users.find((u) => u.external_id === 'x:marloesdv')!.id,
    });
    expect(t.tags.slice(0, 4)).toEqual(['complaint_capture', 'platform_x', 'category_billing', 'severity_critical']);
    expect(t.tags).toEqual(expect.arrayContaining([tag, keyTag('author', 'x:marloesdv')]));
    expect(t.subject).toMatch(/^\[x\] @marloesdv: /);
    // A replay of the same key (its answer was lost) gets the same ticket back from Zendesk.
    const replay = await a.create(i);
    expect(replay.id).toBe(remote.id);
    expect(zd.tickets).toHaveLength(1);
  });

  it("answers a colleague's ticket for the same post as existing, with the capture noted on it", async () => {
    const zd = new FakeZendesk();
    const first = await as(zd, 'Anna').create(input());
    const second = await as(zd, 'Bram').create(
      input({
        mention: sampleMention(1, { url: 'https://twitter.com/MarloesDV/status/17900000001?s=20' }),
        note: 'Same one',
        capturedBy: 'Bram',
      }),
    );
    expect(second).toMatchObject({ id: first.id, existing: true });
    expect(zd.tickets).toHaveLength(1);
    const comments = zd.audits
      .flatMap((x) => x.events)
      .filter((e) => e.type === 'Comment')
      .map((e) => e.body);
    expect(comments.at(-1)).toBe(
      'Captured again by Bram: https://twitter.com/MarloesDV/status/17900000001?s=20\nNote by Bram: Same one',
    );
  });

  it('finds a lost create by its post, reads status and assignee name; a lost POST is unknown', async () => {
    const zd = new FakeZendesk();
    const a = as(zd, 'Sanne');
    const i = input();
    expect(await a.findByKey(i)).toBeNull();
    const made = await a.create(i);
    const joost = zd.addAgent('Joost');
    await a.update({
      remoteId: made.id,
      idempotencyKey: 'k',
      status: 'waiting',
      owner: 'Joost',
      ownerId: String(joost.id),
    });
    expect(await a.findByKey(i)).toMatchObject({ id: made.id, status: 'waiting', owner: 'Joost' });
    expect(await a.read(made.id)).toMatchObject({ status: 'waiting', owner: 'Joost' });
    const lost = zendeskAdapter(zd.base, zd.addAgent('Eva').credentials, {
      fetch: (async (u: string, init: RequestInit) => {
        if (init.method === 'POST' && String(u).endsWith('/api/v2/tickets')) throw new TypeError('Failed to fetch');
        return zd.fetch(u, init);
      }) as typeof fetch,
      timeoutMs: 1000,
    });
    expect(await lost.create(input({ mention: sampleMention(9) })).catch((e: unknown) => e)).toBeInstanceOf(
      UnknownOutcomeError,
    );
  });

  it('updates status, assigns by id, hands to a group with a note, adds an attached post’s tags', async () => {
    const zd = new FakeZendesk();
    const a = as(zd, 'Anna');
    const made = await a.create(input());
    const bram = zd.addAgent('Bram');
    const billing = zd.addGroup('Billing', [bram.id]);
    await a.update({
      remoteId: made.id,
      idempotencyKey: 'k',
      status: 'waiting',
      note: { kind: 'note', text: 'Called', by: 'Anna' },
    });
    await a.update({ remoteId: made.id, idempotencyKey: 'k2', owner: 'Bram', ownerId: String(bram.id) });
    await a.update({
      remoteId: made.id,
      idempotencyKey: 'k3',
      group: { id: String(billing), name: 'Billing' },
      note: { kind: 'handoff', text: 'Invoice fix', by: 'Anna' },
    });
    await a.update({ remoteId: made.id, idempotencyKey: 'k4', mention: sampleMention(2) });
    const t = zd.tickets[0]!;
    expect(t).toMatchObject({ status: 'pending', assignee_id: null, group_id: billing });
    expect(t.tags).toContain(keyTag('post', postKey(sampleMention(2).url)));
    const comments = zd.audits
      .flatMap((x) => x.events)
      .filter((e) => e.type === 'Comment')
      .map((e) => e.body);
    expect(comments.slice(1)).toEqual([
      'Note by Anna: Called',
      'Handed to team Billing by Anna: Invoice fix',
      `Added from x: ${sampleMention(2).url}`,
    ]);
  });

  it('maps 429 with Retry-After to a transient error, and refused credentials to a permanent one', async () => {
    const zd = new FakeZendesk();
    const a = as(zd, 'Anna');
    zd.limit.throttleNext(1, 17);
    expect(await a.read('1').catch((e: unknown) => e)).toEqual(
      expect.objectContaining({ name: 'TransientError', retryAfterMs: 17_000 }),
    );
    const denied = zendeskAdapter(
      base,
      { token: 'wrong', email: 'x@acme.nl', authMode: 'api-token' },
      { fetch: zd.fetch, timeoutMs: 1000 },
    );
    const e = await denied.testConnection().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PermanentError);
    expect((e as Error).message).toBe("Zendesk answered 401: Couldn't authenticate you");
    expect(await a.testConnection()).toEqual({ backend: 'Zendesk', agent: 'Anna' });
  });

  it('sends an OAuth access token as a bearer token', async () => {
    const f = fakeFetch({ status: 200, body: { user: { id: 5, name: 'Joost', role: 'agent' } } });
    const a = zendeskAdapter(base, { token: 'oauth-tok', authMode: 'oauth' }, { fetch: f.fetch, timeoutMs: 1000 });
    expect(await a.testConnection()).toEqual({ backend: 'Zendesk', agent: 'Joost' });
    expect(f.requests[0]!.headers.authorization).toBe('Bearer oauth-tok');
  });
});
