import { describe, expect, it } from 'vitest';
import { sampleMention, TOKEN } from '../fixtures';
import { useBackend, type Target } from '../targets';

/** Creating, finding and changing cases: POST/GET/PATCH /api/cases (docs/backend-contract.md). */
export function casesSuite(target: Target) {
  describe(`${target.name}: cases`, () => {
    const ctx = useBackend(target);
    const body = (n = 1, note = 'Customer since 2009') => ({
      mention: sampleMention(n),
      category: 'outage',
      severity: 'high',
      note,
      capturedBy: 'Sanne',
    });
    const post = (url: string, key: string, b: unknown, token = TOKEN) =>
      fetch(`${url}/api/cases`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify(b),
      });
    const get = (url: string, path: string) =>
      fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });

    it('creates once per idempotency key: 201, then 200 with the same case, 422 for another body', async () => {
      const be = await ctx.start();
      const key = crypto.randomUUID();
      const a = await post(be.url, key, body());
      expect(a.status).toBe(201);
      const created = await a.json();
      const b = await post(be.url, key, body());
      expect(b.status).toBe(200);
      expect((await b.json()).id).toBe(created.id);
      expect((await post(be.url, key, body(1, 'other note'))).status).toBe(422);
      expect((await be.store.stats()).cases).toBe(1);
    });

    it('never makes two cases for one key sent concurrently, even with latency', async () => {
      const be = await ctx.start({ faults: { latencyMs: 20 } });
      const key = crypto.randomUUID();
      const all = await Promise.all(Array.from({ length: 8 }, () => post(be.url, key, body())));
      expect(all.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect((await be.store.stats()).cases).toBe(1);
    });

    it('finds cases by key, permalink (normalised) and author; patches status, owner and note once per key', async () => {
      const be = await ctx.start();
      const key = crypto.randomUUID();
      const c = await (await post(be.url, key, body())).json();
      const byKey = await (await get(be.url, `/api/cases?idempotencyKey=${key}`)).json();
      expect(byKey.cases.map((x: { id: string }) => x.id)).toEqual([c.id]);
      const byUrl = await (
        await get(
          be.url,
          `/api/cases?url=${encodeURIComponent('https://twitter.com/marloesdv/status/17900000001?s=20')}`,
        )
      ).json();
      expect(byUrl.cases).toHaveLength(1);
      const byAuthor = await (await get(be.url, '/api/cases?platform=x&handle=MarloesDV')).json();
      expect(byAuthor.cases).toHaveLength(1);
      const pkey = crypto.randomUUID();
      const patch = () =>
        fetch(`${be.url}/api/cases/${c.id}`, {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Idempotency-Key': pkey, 'Content-Type': 'application/json' },
          body: JSON.stringify({ status: 'open', owner: 'Joost', note: 'Called back', by: 'Sanne' }),
        });
      expect((await patch()).status).toBe(200);
      const again = await (await patch()).json();
      expect(again.status).toBe('open');
      expect(again.owner).toBe('Joost');
      expect(
        again.history.filter((h: { kind: string }) => h.kind === 'note').map((h: { text: string }) => h.text),
      ).toEqual(['Customer since 2009', 'Called back']);
    });

    it('applies one change once when its key is sent concurrently', async () => {
      const be = await ctx.start({ faults: { latencyMs: 10 } });
      const c = await (await post(be.url, crypto.randomUUID(), body())).json();
      const pkey = crypto.randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          fetch(`${be.url}/api/cases/${c.id}`, {
            method: 'PATCH',
            headers: { Authorization: `Bearer ${TOKEN}`, 'Idempotency-Key': pkey, 'Content-Type': 'application/json' },
            body: JSON.stringify({ note: 'Once only', noteKind: 'decision' }),
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const stored = await (await get(be.url, `/api/cases/${c.id}`)).json();
      expect(stored.history.filter((h: { text: string }) => h.text === 'Once only')).toHaveLength(1);
    });

    it('refuses a wrong token, a missing key and a malformed body with a message', async () => {
      const be = await ctx.start();
      expect((await post(be.url, crypto.randomUUID(), body(), 'nope')).status).toBe(401);
      expect((await post(be.url, 'not-a-uuid', body())).status).toBe(400);
      const bad = await post(be.url, crypto.randomUUID(), { ...body(), severity: 'apocalyptic' });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatch(/severity/);
    });

    it('keeps cases across a restart on the same data', async () => {
      let be = await ctx.start();
      const key = crypto.randomUUID();
      const c = await (await post(be.url, key, body())).json();
      be = await ctx.restart();
      expect((await (await get(be.url, `/api/cases/${c.id}`)).json()).id).toBe(c.id);
      expect((await post(be.url, key, body())).status).toBe(200);
    });

    it('injects 429 bursts with Retry-After, and loses or fails the answer after storing', async () => {
      let be = await ctx.start({ faults: { burst429: { every: 2, count: 1, retryAfter: 3 } } });
      expect((await get(be.url, '/api/cases?idempotencyKey=x')).status).toBe(200);
      const r = await get(be.url, '/api/cases?idempotencyKey=x');
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('3');
      be = await ctx.start({ faults: { dropAfterStoreRate: 1 } });
      await expect(post(be.url, crypto.randomUUID(), body())).rejects.toThrow();
      expect((await be.store.stats()).cases).toBe(1);
      be = await ctx.start({ faults: { failAfterStoreRate: 1 } });
      const key = crypto.randomUUID();
      expect((await post(be.url, key, body(2))).status).toBe(502);
      const found = await (await get(be.url, `/api/cases?idempotencyKey=${key}`)).json();
      expect(found.cases).toHaveLength(1);
    });
  });
}
