import { describe, expect, it } from 'vitest';
import { zendeskAdapter } from '../../sync/adapters/zendesk';
import { PermanentError, TransientError, type CreateInput } from '../../sync/adapter';
import { sampleMention } from '../server/fixtures';
import { fakeFetch } from './fake-fetch';

const input: CreateInput = {
  caseId: 'c1',
  idempotencyKey: '2fccb2f6-4289-4ac0-aa48-03f6e382c92f',
  mention: sampleMention(1),
  category: 'billing',
  severity: 'critical',
  note: 'n',
  capturedBy: 'Sanne',
};
const base = 'https://acme.zendesk.com';

describe('zendesk adapter', () => {
  it('makes the requester by external id, then POSTs the ticket with Idempotency-Key, external_id and tags', async () => {
    const f = fakeFetch(
      { status: 200, body: { user: { id: 77, name: 'Marloes' } } },
      { status: 201, body: { ticket: { id: 9, status: 'new', assignee_id: null, external_id: input.idempotencyKey } } },
    );
    const a = zendeskAdapter(
      base,
      { token: 'tok', email: 'sanne@acme.nl', authMode: 'api-token' },
      { fetch: f.fetch, timeoutMs: 1000 },
    );
    expect(await a.create(input)).toEqual({ id: '9', url: `${base}/agent/tickets/9`, status: 'new', owner: null });
    const [user, ticket] = f.requests;
    expect([user!.method, user!.url]).toEqual(['POST', `${base}/api/v2/users/create_or_update`]);
    expect(user!.body).toEqual({ user: { name: 'Marloes', external_id: 'x:marloesdv', role: 'end-user' } });
    expect(user!.headers.authorization).toBe(`Basic ${btoa('sanne@acme.nl/token:tok')}`);
    expect([ticket!.method, ticket!.url]).toEqual(['POST', `${base}/api/v2/tickets`]);
    expect(ticket!.headers['idempotency-key']).toBe(input.idempotencyKey);
    const t = (ticket!.body as { ticket: Record<string, unknown> }).ticket;
    expect(t).toMatchObject({
      requester_id: 77,
      external_id: input.idempotencyKey,
      priority: 'urgent',
      comment: { public: false },
    });
    expect(t.tags).toEqual(['complaint_capture', 'platform_x', 'category_billing', 'severity_critical']);
    expect(String(t.subject)).toMatch(/^\[x\] @marloesdv: /);
  });

  it('finds by external_id, reads status and assignee name (sideloaded), uses OAuth bearer', async () => {
    const f = fakeFetch(
      {
        status: 200,
        body: {
          tickets: [
            { id: 12, status: 'open' },
            { id: 9, status: 'pending', assignee_id: 5 },
          ],
        },
      },
      { status: 200, body: { user: { id: 5, name: 'Joost' } } },
      { status: 200, body: { ticket: { id: 9, status: 'solved', assignee_id: 6 }, users: [{ id: 6, name: 'Eva' }] } },
    );
    const a = zendeskAdapter(base, { token: 'oauth-tok', authMode: 'oauth' }, { fetch: f.fetch, timeoutMs: 1000 });
    expect(await a.findByKey(input)).toMatchObject({ id: '9', status: 'waiting', owner: 'Joost' });
    expect(await a.read('9')).toMatchObject({ status: 'resolved', owner: 'Eva' });
    expect(f.requests.map((r) => r.url.replace(base, ''))).toEqual([
      `/api/v2/tickets?external_id=${input.idempotencyKey}`,
      '/api/v2/users/5',
      '/api/v2/tickets/9?include=users',
    ]);
    expect(f.requests[0]!.headers.authorization).toBe('Bearer oauth-tok');
  });

  it('updates status and adds an internal note; maps 429 Retry-After and 401', async () => {
    const f = fakeFetch({ status: 200, body: { ticket: { id: 9, status: 'pending' } } });
    const a = zendeskAdapter(base, { token: 't', authMode: 'oauth' }, { fetch: f.fetch, timeoutMs: 1000 });
    await a.update({
      remoteId: '9',
      idempotencyKey: 'k',
      status: 'waiting',
      note: { kind: 'note', text: 'Called', by: 'Sanne' },
    });
    expect(f.requests[0]).toMatchObject({
      method: 'PUT',
      body: { ticket: { status: 'pending', comment: { body: 'Note by Sanne: Called', public: false } } },
    });
    const limited = zendeskAdapter(
      base,
      { token: 't', authMode: 'oauth' },
      { fetch: fakeFetch({ status: 429, headers: { 'Retry-After': '17' } }).fetch, timeoutMs: 1000 },
    );
    expect(await limited.read('9').catch((e: unknown) => e)).toEqual(
      expect.objectContaining({ name: 'TransientError', retryAfterMs: 17_000 }),
    );
    const denied = zendeskAdapter(
      base,
      { token: 't', authMode: 'oauth' },
      { fetch: fakeFetch({ status: 401, body: { error: "Couldn't authenticate you" } }).fetch, timeoutMs: 1000 },
    );
    const e = await denied.testConnection().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PermanentError);
    expect((e as Error).message).toBe("Zendesk answered 401: Couldn't authenticate you");
    expect(TransientError).toBeDefined();
  });
});
