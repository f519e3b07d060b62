import { describe, expect, it } from 'vitest';
import { httpContractAdapter } from '../../sync/adapters/http-contract';
import { PermanentError, TransientError, UnknownOutcomeError, type CreateInput } from '../../sync/adapter';
import { CreateCaseBodySchema } from '../../contract/cases';
import { sampleMention } from '../server/fixtures';
import { fakeFetch } from './fake-fetch';

const input: CreateInput = {
  caseId: 'c1',
  idempotencyKey: '2fccb2f6-4289-4ac0-aa48-03f6e382c92f',
  mention: sampleMention(1),
  category: 'outage',
  severity: 'high',
  note: 'n',
  capturedBy: 'Sanne',
};
const remote = {
  id: 'b1',
  status: 'new',
  owner: null,
  category: 'outage',
  severity: 'high',
  mentions: [],
  history: [],
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
};
const make = (f: ReturnType<typeof fakeFetch>) =>
  httpContractAdapter('http://127.0.0.1:8787/', { token: 's3cret' }, { fetch: f.fetch, timeoutMs: 1000 });

describe('http-contract adapter', () => {
  it('POSTs /api/cases with bearer token, Idempotency-Key and the documented body', async () => {
    const f = fakeFetch({ status: 201, body: remote });
    const r = await make(f).create(input);
    expect(r).toEqual({ id: 'b1', url: 'http://127.0.0.1:8787/api/cases/b1', status: 'new', owner: null });
    const req = f.requests[0]!;
    expect([req.method, req.url]).toEqual(['POST', 'http://127.0.0.1:8787/api/cases']);
    expect(req.headers.authorization).toBe('Bearer s3cret');
    expect(req.headers['idempotency-key']).toBe(input.idempotencyKey);
    expect(Object.keys(req.body as object).sort()).toEqual(['capturedBy', 'category', 'mention', 'note', 'severity']);
    expect(CreateCaseBodySchema.safeParse(req.body).success).toBe(true);
  });

  it('looks up by key, reads and patches with the documented paths', async () => {
    const f = fakeFetch(
      { status: 200, body: { cases: [remote] } },
      { status: 200, body: { ...remote, status: 'open', owner: 'Joost' } },
      { status: 200, body: remote },
    );
    const a = make(f);
    expect((await a.findByKey(input))?.id).toBe('b1');
    expect(await a.read('b1')).toMatchObject({ status: 'open', owner: 'Joost' });
    await a.update({
      remoteId: 'b1',
      idempotencyKey: 'k2',
      status: 'open',
      note: { kind: 'decision', text: 'Refund', by: 'Sanne' },
    });
    expect(f.requests.map((r) => `${r.method} ${r.url.replace('http://127.0.0.1:8787', '')}`)).toEqual([
      `GET /api/cases?idempotencyKey=${input.idempotencyKey}`,
      'GET /api/cases/b1',
      'PATCH /api/cases/b1',
    ]);
    expect(f.requests[2]!.body).toEqual({ status: 'open', note: 'Refund', noteKind: 'decision', by: 'Sanne' });
    expect(f.requests[2]!.headers['idempotency-key']).toBe('k2');
  });

  it('maps errors: 503 + Retry-After, 429 date, 409 transient; 401/422 permanent with the message; lost answer unknown', async () => {
    const cases: [Parameters<typeof fakeFetch>[0], (e: unknown) => void][] = [
      [
        { status: 503, body: { error: 'busy' }, headers: { 'Retry-After': '3' } },
        (e) => expect(e).toEqual(expect.objectContaining({ name: 'TransientError', retryAfterMs: 3000 })),
      ],
      [{ status: 500, body: 'oops' }, (e) => expect(e).toBeInstanceOf(TransientError)],
      [{ status: 409, body: { error: 'in progress' } }, (e) => expect(e).toBeInstanceOf(TransientError)],
      [
        { status: 401, body: { error: 'Missing or wrong bearer token' } },
        (e) => expect((e as Error).message).toBe('The case backend answered 401: Missing or wrong bearer token'),
      ],
      [
        { status: 422, body: { error: 'Idempotency-Key was already used with a different body' } },
        (e) => expect(e).toBeInstanceOf(PermanentError),
      ],
      ['network-error', (e) => expect(e).toBeInstanceOf(UnknownOutcomeError)],
      [
        { status: 201, body: '<html>hi</html>' },
        (e) => expect((e as Error).message).toMatch(/malformed answer \(201, the body is not JSON\)/),
      ],
      [{ status: 201, body: { id: 5 } }, (e) => expect(e).toBeInstanceOf(UnknownOutcomeError)],
    ];
    for (const [answer, check] of cases) {
      const err = await make(fakeFetch(answer))
        .create(input)
        .catch((e: unknown) => e);
      check(err);
    }
    const read = await make(fakeFetch({ status: 200, body: { nope: 1 } }))
      .read('b1')
      .catch((e: unknown) => e);
    expect(read).toBeInstanceOf(PermanentError);
    expect((read as Error).message).toMatch(/malformed answer \(200, id: /);
    const get = await make(fakeFetch('network-error'))
      .read('b1')
      .catch((e: unknown) => e);
    expect(get).toBeInstanceOf(TransientError);
  });

  it('never follows a redirect (it could carry the token elsewhere)', async () => {
    const f = fakeFetch({ status: 301, headers: { Location: 'https://elsewhere.example/api/cases' } });
    const e = await make(f)
      .read('b1')
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PermanentError);
    expect((e as Error).message).toBe(
      'The case backend redirected the request to https://elsewhere.example/api/cases; put the final https address in the settings',
    );
    expect(f.requests).toHaveLength(1);
  });

  it('honours an HTTP-date Retry-After on 429', async () => {
    const at = new Date(Date.now() + 10_000).toUTCString();
    const e = await make(fakeFetch({ status: 429, headers: { 'Retry-After': at } }))
      .create(input)
      .catch((x: unknown) => x);
    expect((e as TransientError).retryAfterMs).toBeGreaterThan(8_000);
    expect((e as TransientError).retryAfterMs).toBeLessThanOrEqual(10_000);
  });

  it('batches creates: POST /api/cases/batch with each key in its item, one answer per case', async () => {
    const inputs = [1, 2, 3, 4].map((n): CreateInput => ({
      ...input,
      caseId: `c${n}`,
      idempotencyKey: crypto.randomUUID(),
      mention: sampleMention(n),
    }));
    const results = [
      { idempotencyKey: inputs[0]!.idempotencyKey, status: 201, case: remote },
      { idempotencyKey: inputs[1]!.idempotencyKey, status: 200, case: { ...remote, id: 'b2', status: 'open' } },
      {
        idempotencyKey: inputs[2]!.idempotencyKey,
        status: 422,
        error: 'Idempotency-Key was already used with a different body',
      },
      { idempotencyKey: inputs[3]!.idempotencyKey, status: 503, error: 'busy' },
    ];
    const f = fakeFetch({ status: 200, body: { results } });
    const out = await make(f).createMany!(inputs);
    expect(out[0]).toEqual({ id: 'b1', url: 'http://127.0.0.1:8787/api/cases/b1', status: 'new', owner: null });
    expect(out[1]).toMatchObject({ id: 'b2', status: 'open' });
    expect(out[2]).toBeInstanceOf(PermanentError);
    expect((out[2] as Error).message).toBe(
      'The case backend answered 422: Idempotency-Key was already used with a different body',
    );
    expect(out[3]).toBeInstanceOf(TransientError);
    const req = f.requests[0]!;
    expect([req.method, req.url, req.headers.authorization]).toEqual([
      'POST',
      'http://127.0.0.1:8787/api/cases/batch',
      'Bearer s3cret',
    ]);
    const items = (req.body as { cases: Record<string, unknown>[] }).cases;
    expect(items.map((i) => i.idempotencyKey)).toEqual(inputs.map((i) => i.idempotencyKey));
    for (const i of items) expect(CreateCaseBodySchema.safeParse(i).success).toBe(true);
  });

  it('a batch answer missing a case makes that case unknown; a failed batch request fails every case alike', async () => {
    const inputs = [1, 2].map((n): CreateInput => ({
      ...input,
      idempotencyKey: crypto.randomUUID(),
      mention: sampleMention(n),
    }));
    const partial = await make(
      fakeFetch({
        status: 200,
        body: { results: [{ idempotencyKey: inputs[0]!.idempotencyKey, status: 201, case: remote }] },
      }),
    ).createMany!(inputs);
    expect(partial[1]).toBeInstanceOf(UnknownOutcomeError);
    const throttled = await make(fakeFetch({ status: 429, headers: { 'Retry-After': '4' } })).createMany!(inputs).catch(
      (e: unknown) => e,
    );
    expect(throttled).toEqual(expect.objectContaining({ name: 'TransientError', retryAfterMs: 4000 }));
    expect(await make(fakeFetch('network-error')).createMany!(inputs).catch((e: unknown) => e)).toBeInstanceOf(
      UnknownOutcomeError,
    );
  });

  it('falls back to one create per case for a backend without the batch endpoint, and for very large mentions', async () => {
    const inputs = [1, 2].map((n): CreateInput => ({
      ...input,
      idempotencyKey: crypto.randomUUID(),
      mention: sampleMention(n),
    }));
    const f = fakeFetch({ status: 404, body: { error: 'No route POST /api/cases/batch' } });
    const a = make(f);
    expect(await a.createMany!(inputs)).toEqual([null, null]);
    expect(await a.createMany!(inputs)).toEqual([null, null]);
    expect(f.requests).toHaveLength(1);
    const big = { ...inputs[1]!, mention: sampleMention(2, { text: 'x'.repeat(100_000) }) };
    const g = fakeFetch({
      status: 200,
      body: { results: [{ idempotencyKey: inputs[0]!.idempotencyKey, status: 201, case: remote }] },
    });
    const out = await make(g).createMany!([inputs[0]!, big]);
    expect(out[1]).toBeNull();
    expect((g.requests[0]!.body as { cases: unknown[] }).cases).toHaveLength(1);
    // Too large for this backend as one request: one by one this time, batches again next time.
    const h = fakeFetch({ status: 413, body: { error: 'Body too large' } }, { status: 200, body: { results: [] } });
    const b = make(h);
    expect(await b.createMany!(inputs)).toEqual([null, null]);
    await b.createMany!(inputs);
    expect(h.requests).toHaveLength(2);
  });
});
