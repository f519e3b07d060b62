import { describe, expect, it } from 'vitest';
import { freshdeskAdapter, MENTION_KEY_FIELD } from '../../sync/adapters/freshdesk';
import { PermanentError, UnknownOutcomeError, type CreateInput } from '../../sync/adapter';
import { keyTag, postKey } from '../../domain/team-keys';
import { sampleMention } from '../server/fixtures';
import { FakeFreshdesk } from '../fakes/freshdesk';
import { fakeFetch } from './fake-fetch';

const input = (over: Partial<CreateInput> = {}): CreateInput => ({
  caseId: 'c1',
  idempotencyKey: crypto.randomUUID(),
  mention: sampleMention(1),
  category: 'billing',
  severity: 'medium',
  note: 'Customer <since> 2009',
  capturedBy: 'Sanne',
  ...over,
});
const base = 'https://acme.freshdesk.com';
const as = (fd: FakeFreshdesk, name: string, fetch: typeof globalThis.fetch = fd.fetch) =>
  freshdeskAdapter(fd.base, fd.addAgent(name).credentials, { fetch, timeoutMs: 1000, now: fd.clock.now });
const mastodon = (n: number) =>
  sampleMention(n, {
    platform: 'mastodon',
    author: { name: 'P', handle: 'p@social.example', profileUrl: null, followers: null },
  });

describe('freshdesk adapter', () => {
  it('looks the post up (index and recent list), then POSTs a ticket with twitter_id, tags and the mention key field', async () => {
    const fd = new FakeFreshdesk();
    const i = input();
    const remote = await as(fd, 'Sanne').create(i);
    const t = fd.tickets[0]!;
    expect(remote).toEqual({ id: String(t.id), url: `${base}/a/tickets/${t.id}`, status: 'open', owner: null });
    expect(fd.log.map((l) => decodeURIComponent(l).replace(/updated_since=[^&]+/, 'updated_since=…'))).toEqual([
      `GET /api/v2/search/tickets?query="tag:'${keyTag('post', postKey(i.mention.url))}'"`,
      'GET /api/v2/tickets?updated_since=…&order_by=updated_at&order_type=desc&per_page=100',
      'POST /api/v2/tickets',
    ]);
    expect(t).toMatchObject({ status: 2, priority: 2, custom_fields: { [MENTION_KEY_FIELD]: i.idempotencyKey } });
    expect(t.tags.slice(0, 3)).toEqual(['complaint-capture', 'platform:x', 'category:billing']);
    expect(t.tags).toContain(keyTag('author', 'x:marloesdv'));
    expect(fd.contacts.find((c) => c.id === t.requester_id)?.twitter_id).toBe('marloesdv');
    expect(t.description).toContain('Customer &#60;since&#62; 2009');
    expect(t.description_text).toContain('Captured by Sanne at');
  });

  it("finds a colleague's ticket made a minute ago (not yet in the search index) and answers it as existing", async () => {
    const fd = new FakeFreshdesk();
    const first = await as(fd, 'Anna').create(input());
    fd.clock.advance(60_000);
    const second = await as(fd, 'Bram').create(input({ capturedBy: 'Bram', note: '' }));
    expect(second).toMatchObject({ id: first.id, existing: true });
    expect(fd.tickets).toHaveLength(1);
    expect(fd.notes.at(-1)?.body_text).toBe(`Captured again by Bram: ${sampleMention(1).url}`);
    // Past the recent list's window, the index holds it.
    fd.clock.advance(20 * 60_000);
    expect(await as(fd, 'Eva').create(input({ capturedBy: 'Eva' }))).toMatchObject({ id: first.id, existing: true });
  });

  it('finds or makes a contact by unique external id for non-X authors, and files the ticket under it', async () => {
    const fd = new FakeFreshdesk();
    const a = as(fd, 'Sanne');
    await a.create(input({ mention: mastodon(2) }));
    await a.create(input({ mention: mastodon(3) }));
    expect(fd.contacts.map((c) => c.unique_external_id)).toEqual(['mastodon:p@social.example']);
    expect(fd.tickets.map((t) => t.requester_id)).toEqual([fd.contacts[0]!.id, fd.contacts[0]!.id]);
  });

  it('searches the mention key field once indexed, reads status and responder, assigns by id, adds private notes', async () => {
    const fd = new FakeFreshdesk();
    const a = as(fd, 'Sanne');
    const i = input();
    const made = await a.create(i);
    expect(await a.findByKey(i)).toBeNull();
    fd.clock.advance(fd.searchLagMs);
    const joost = fd.addAgent('Joost');
    await a.update({
      remoteId: made.id,
      idempotencyKey: 'k',
      status: 'resolved',
      owner: 'Joost',
      ownerId: String(joost.id),
    });
    await a.update({ remoteId: made.id, idempotencyKey: 'k2', owner: 'Eva' });
    expect(await a.findByKey(i)).toMatchObject({ id: made.id });
    expect(await a.read(made.id)).toMatchObject({ status: 'resolved', owner: 'Joost' });
    expect(fd.notes.map((n) => n.body_text)).toEqual(['Owner: Joost', 'Owner: Eva']);
  });

  it('has no native idempotency: a lost create is unknown; a refused field is a permanent error with its message', async () => {
    const fd = new FakeFreshdesk();
    const lost = as(fd, 'Sanne', (async (u: string, init: RequestInit) => {
      if (init.method === 'POST') throw new TypeError('Failed to fetch');
      return fd.fetch(u, init);
    }) as typeof fetch);
    expect(lost.nativeIdempotency).toBe(false);
    expect(lost.lookupDelayMs).toBeGreaterThanOrEqual(60_000);
    expect(await lost.create(input()).catch((e: unknown) => e)).toBeInstanceOf(UnknownOutcomeError);
    const bad = await freshdeskAdapter(
      base,
      { token: 'k' },
      {
        fetch: fakeFetch(
          { status: 200, body: { results: [] } },
          { status: 200, body: [] },
          {
            status: 400,
            body: {
              description: 'Validation failed',
              errors: [
                { field: 'cf_mention_key', message: 'Unexpected/invalid field in request', code: 'invalid_field' },
              ],
            },
          },
        ).fetch,
        timeoutMs: 1000,
      },
    )
      .create(input())
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(PermanentError);
    expect((bad as Error).message).toBe(
      'Freshdesk answered 400: Validation failed; cf_mention_key: Unexpected/invalid field in request',
    );
  });
});
