import { describe, expect, it } from 'vitest';
import { freshdeskAdapter, MENTION_KEY_FIELD } from '../../sync/adapters/freshdesk';
import { PermanentError, UnknownOutcomeError, type CreateInput } from '../../sync/adapter';
import { sampleMention } from '../server/fixtures';
import { fakeFetch } from './fake-fetch';

const input: CreateInput = {
  caseId: 'c1',
  idempotencyKey: '2fccb2f6-4289-4ac0-aa48-03f6e382c92f',
  mention: sampleMention(1),
  category: 'billing',
  severity: 'medium',
  note: 'Customer <since> 2009',
  capturedBy: 'Sanne',
};
const base = 'https://acme.freshdesk.com';
const make = (f: ReturnType<typeof fakeFetch>) =>
  freshdeskAdapter(base, { token: 'api-key' }, { fetch: f.fetch, timeoutMs: 1000 });

describe('freshdesk adapter', () => {
  it('POSTs a ticket with twitter_id, platform tag, HTML-escaped description and the mention key field', async () => {
    const f = fakeFetch({ status: 201, body: { id: 31, status: 2, responder_id: null } });
    expect(await make(f).create(input)).toEqual({ id: '31', url: `${base}/a/tickets/31`, status: 'open', owner: null });
    const req = f.requests[0]!;
    expect([req.method, req.url]).toEqual(['POST', `${base}/api/v2/tickets`]);
    expect(req.headers.authorization).toBe(`Basic ${btoa('api-key:X')}`);
    expect(req.headers['idempotency-key']).toBeUndefined();
    const b = req.body as Record<string, unknown>;
    expect(b).toMatchObject({
      twitter_id: 'marloesdv',
      name: 'Marloes',
      status: 2,
      priority: 2,
      custom_fields: { [MENTION_KEY_FIELD]: input.idempotencyKey },
    });
    expect(b.tags).toEqual(['complaint-capture', 'platform:x', 'category:billing']);
    expect(String(b.description)).toContain('Customer &#60;since&#62; 2009');
  });

  it('finds or makes a contact by unique external id for non-X authors, and files the ticket under it', async () => {
    const f = fakeFetch(
      { status: 200, body: [] },
      { status: 201, body: { id: 501, name: 'P' } },
      { status: 201, body: { id: 32, status: 2 } },
    );
    await make(f).create({
      ...input,
      mention: sampleMention(2, {
        platform: 'mastodon',
        author: { name: 'P', handle: 'p@social.example', profileUrl: null, followers: null },
      }),
    });
    expect(f.requests.map((r) => [r.method, decodeURIComponent(r.url.replace(base, ''))])).toEqual([
      ['GET', '/api/v2/contacts?unique_external_id=mastodon:p@social.example'],
      ['POST', '/api/v2/contacts'],
      ['POST', '/api/v2/tickets'],
    ]);
    expect(f.requests[1]!.body).toEqual({ name: 'P', unique_external_id: 'mastodon:p@social.example' });
    expect(f.requests[2]!.body).toMatchObject({
      requester_id: 501,
      tags: ['complaint-capture', 'platform:mastodon', 'category:billing'],
    });
    expect((f.requests[2]!.body as Record<string, unknown>).twitter_id).toBeUndefined();
    const again = fakeFetch({ status: 200, body: [{ id: 501 }] }, { status: 201, body: { id: 33, status: 2 } });
    await make(again).create({
      ...input,
      mention: sampleMention(3, {
        platform: 'mastodon',
        author: { name: 'P', handle: 'p@social.example', profileUrl: null, followers: null },
      }),
    });
    expect(again.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(again.requests[1]!.body).toMatchObject({ requester_id: 501 });
  });

  it('searches the mention key field, reads status and responder name, adds private notes', async () => {
    const f = fakeFetch(
      { status: 200, body: { results: [{ id: 31, status: 3, responder_id: 8 }], total: 1 } },
      { status: 200, body: { contact: { name: 'Joost' } } },
      { status: 200, body: { id: 31, status: 5, responder_id: 8 } },
      { status: 200, body: { id: 31, status: 4 } },
      { status: 201, body: { id: 1 } },
    );
    const a = make(f);
    expect(await a.findByKey(input)).toMatchObject({ id: '31', status: 'waiting', owner: 'Joost' });
    expect(await a.read('31')).toMatchObject({ status: 'resolved', owner: 'Joost' });
    await a.update({ remoteId: '31', idempotencyKey: 'k', status: 'resolved', owner: 'Eva' });
    expect(decodeURIComponent(f.requests[0]!.url)).toBe(
      `${base}/api/v2/search/tickets?query="${MENTION_KEY_FIELD}:'${input.idempotencyKey}'"`,
    );
    expect(f.requests.slice(3).map((r) => [r.method, r.url.replace(base, ''), r.body])).toEqual([
      ['PUT', '/api/v2/tickets/31', { status: 4 }],
      ['POST', '/api/v2/tickets/31/notes', { body: '<p>Owner: Eva</p>', private: true }],
    ]);
  });

  it('has no native idempotency: a lost create is unknown, and lookups wait for the search index', async () => {
    const a = make(fakeFetch('network-error'));
    expect(a.nativeIdempotency).toBe(false);
    expect(a.lookupDelayMs).toBeGreaterThanOrEqual(60_000);
    expect(await a.create(input).catch((e: unknown) => e)).toBeInstanceOf(UnknownOutcomeError);
    const bad = await make(
      fakeFetch({
        status: 400,
        body: {
          description: 'Validation failed',
          errors: [{ field: 'cf_mention_key', message: 'Unexpected/invalid field in request', code: 'invalid_field' }],
        },
      }),
    )
      .create(input)
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(PermanentError);
    expect((bad as Error).message).toBe(
      'Freshdesk answered 400: Validation failed; cf_mention_key: Unexpected/invalid field in request',
    );
  });
});
