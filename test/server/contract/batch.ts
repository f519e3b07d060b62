import { describe, expect, it } from 'vitest';
import { BatchAnswerSchema } from '../../../contract/cases';
import { sampleMention, TOKEN } from '../fixtures';
import { useBackend, type Target } from '../targets';

/**
 * POST /api/cases/batch: many creates in one request, each answered as POST /api/cases would
 * answer it alone, with the same idempotency rules (docs/backend-contract.md).
 */
export function batchSuite(target: Target) {
  describe(`${target.name}: batch create`, () => {
    const ctx = useBackend(target);
    const body = (n: number, note = 'n') => ({
      mention: sampleMention(n),
      category: 'outage',
      severity: 'high',
      note,
      capturedBy: 'Sanne',
    });
    const batch = (url: string, cases: unknown, token = TOKEN) =>
      fetch(`${url}/api/cases/batch`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ cases }),
      });
    const single = (url: string, key: string, b: unknown) =>
      fetch(`${url}/api/cases`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify(b),
      });

    it('answers each item as a single create would: 201, 200 for a key seen before (by either endpoint), 422, 400', async () => {
      const be = await ctx.start();
      const [k1, k2, k3] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      const first = await (await single(be.url, k1, body(1))).json();
      const r = await batch(be.url, [
        { idempotencyKey: k1, ...body(1) },
        { idempotencyKey: k2, ...body(2) },
        { idempotencyKey: k1, ...body(1, 'another note') },
        { idempotencyKey: 'not-a-uuid', ...body(3) },
        { idempotencyKey: k3, ...body(3), severity: 'apocalyptic' },
        { idempotencyKey: k2, ...body(2) },
      ]);
      expect(r.status).toBe(200);
      const { results } = BatchAnswerSchema.parse(await r.json());
      expect(results.map((x) => [x.idempotencyKey, x.status])).toEqual([
        [k1, 200],
        [k2, 201],
        [k1, 422],
        ['not-a-uuid', 400],
        [k3, 400],
        [k2, 200],
      ]);
      expect(results[0]?.case?.id).toBe(first.id);
      expect(results[5]?.case?.id).toBe(results[1]?.case?.id);
      expect(results[4]?.error).toMatch(/severity/);
      expect((await be.store.stats()).cases).toBe(2);
      // The batch's case is the one a later single create with its key answers.
      expect((await (await single(be.url, k2, body(2))).json()).id).toBe(results[1]?.case?.id);
    });

    it('refuses a wrong token, an empty or oversized batch, and a body that is not a batch', async () => {
      const be = await ctx.start();
      expect((await batch(be.url, [{ idempotencyKey: crypto.randomUUID(), ...body(1) }], 'nope')).status).toBe(401);
      expect((await batch(be.url, [])).status).toBe(400);
      const tooMany = Array.from({ length: 101 }, (_, i) => ({ idempotencyKey: crypto.randomUUID(), ...body(i) }));
      expect((await batch(be.url, tooMany)).status).toBe(400);
      expect((await batch(be.url, 'x')).status).toBe(400);
      expect((await be.store.stats()).cases).toBe(0);
    });

    it('turns away a whole batch with 429 + Retry-After before storing anything, and can lose the answer after storing it', async () => {
      let be = await ctx.start({ faults: { burst429: { every: 1, count: 1, retryAfter: 2 } } });
      const r = await batch(be.url, [{ idempotencyKey: crypto.randomUUID(), ...body(1) }]);
      expect([r.status, r.headers.get('retry-after')]).toEqual([429, '2']);
      expect((await be.store.stats()).cases).toBe(0);
      be = await ctx.start({ faults: { dropAfterStoreRate: 1 } });
      await expect(
        batch(
          be.url,
          [1, 2, 3].map((n) => ({ idempotencyKey: crypto.randomUUID(), ...body(n) })),
        ),
      ).rejects.toThrow();
      expect((await be.store.stats()).cases).toBe(3);
    });

    it('keeps one case per post when batches with the same posts run at the same moment', async () => {
      const be = await ctx.start({ faults: { latencyMs: 10 } });
      const items = () => [5, 6, 7, 8].map((n) => ({ idempotencyKey: crypto.randomUUID(), ...body(n) }));
      const answers = await Promise.all([1, 2, 3, 4].map(() => batch(be.url, items())));
      const results = (
        await Promise.all(answers.map(async (a) => BatchAnswerSchema.parse(await a.json()).results))
      ).flat();
      expect(results.filter((x) => x.status === 201)).toHaveLength(4);
      expect(results.filter((x) => x.existing)).toHaveLength(12);
      expect(await be.store.stats()).toMatchObject({ cases: 4, duplicateUrls: 0 });
    });
  });
}
