import { describe, expect, it } from 'vitest';
import { ContractCaseSchema } from '../../../contract/cases';
import { AuditAnswerSchema, MeAnswerSchema } from '../../../contract/team';
import { MAX_BODY } from '../../../server/http';
import { addAgent, call, createBody, TOKEN } from '../fixtures';
import { useBackend, type Target } from '../targets';

/** What a team's server needs at its edge: a rate limit per token, a body limit, an audit of every change. */
export function edgeSuite(target: Target) {
  describe(`${target.name}: safety at the edge`, () => {
    const ctx = useBackend(target);

    it('limits each token on its own: 429 with Retry-After and a message once its burst is used', async () => {
      // Refilled once in 100 s: the burst is all a token gets during the test, however slow the machine.
      const be = await ctx.start({ rateLimit: { perSecond: 0.01, burst: 3 } });
      const [anna, bram] = [await addAgent(be, 'Anna'), await addAgent(be, 'Bram')];
      const answers = [];
      for (let i = 0; i < 10; i++) answers.push(await call(be, 'GET', '/api/me', { token: anna }));
      expect(answers.slice(0, 3).map((a) => a.status)).toEqual([200, 200, 200]);
      const refused = answers.at(-1)!;
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((refused.body as { error: string }).error).toMatch(/Too many requests.*try again in \d+ s/);
      // Bram's token has its own budget.
      expect(MeAnswerSchema.parse((await call(be, 'GET', '/api/me', { token: bram })).body).agent?.name).toBe('Bram');
    });

    it('refuses a body over the limit with 413 and says what the limit is, declared or streamed', async () => {
      const be = await ctx.start();
      const huge = { ...createBody(1), note: 'x'.repeat(MAX_BODY + 10) };
      const declared = await fetch(`${be.url}/api/cases`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          'Idempotency-Key': crypto.randomUUID(),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(huge),
      });
      expect(declared.status).toBe(413);
      expect((await declared.json()).error).toMatch(
        /too large: this endpoint takes at most 1,000,000 bytes, and this one has 1,000,\d{3}\./,
      );
      const chunks = new TextEncoder().encode(JSON.stringify(huge));
      const streamed = await fetch(`${be.url}/api/cases`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          'Idempotency-Key': crypto.randomUUID(),
          'Content-Type': 'application/json',
        },
        body: new ReadableStream({
          start(c) {
            for (let i = 0; i < chunks.length; i += 64_000) c.enqueue(chunks.slice(i, i + 64_000));
            c.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      expect((await streamed.json()).error).toMatch(/at most 1,000,000 bytes/);
      expect((await be.store.stats()).cases).toBe(0);
      // The server goes on answering.
      expect(
        (
          await call(be, 'POST', '/api/cases', {
            body: createBody(1),
            headers: { 'Idempotency-Key': crypto.randomUUID() },
          })
        ).status,
      ).toBe(201);
    });

    it('answers a health check without a token, from the database', async () => {
      const be = await ctx.start();
      const r = await fetch(`${be.url}/api/health`);
      expect([r.status, await r.json()]).toEqual([200, { status: 'ok' }]);
    });

    it('audits every change: who (the token’s agent), when, and what', async () => {
      const be = await ctx.start();
      const anna = await addAgent(be, 'Anna');
      await call(be, 'POST', '/api/groups', { body: { name: 'Billing' } });
      const made = ContractCaseSchema.parse(
        (
          await call(be, 'POST', '/api/cases', {
            token: anna,
            body: createBody(1, {}, 'first'),
            headers: { 'Idempotency-Key': crypto.randomUUID() },
          })
        ).body,
      );
      await call(be, 'POST', '/api/cases', {
        token: anna,
        body: createBody(1, { url: 'https://twitter.com/marloesdv/status/17900000001' }),
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      const key = crypto.randomUUID();
      for (const body of [
        { status: 'open' },
        { owner: 'Anna' },
        { note: 'Refund agreed', noteKind: 'decision' },
        { owner: null, group: 'Billing', noteKind: 'handoff', note: 'Invoice' },
        { mention: createBody(2).mention },
      ])
        await call(be, 'PATCH', `/api/cases/${made.id}`, {
          token: anna,
          body,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        });
      // A replayed change changes nothing, and is not audited twice.
      await call(be, 'PATCH', `/api/cases/${made.id}`, {
        token: anna,
        body: { note: 'once' },
        headers: { 'Idempotency-Key': key },
      });
      await call(be, 'PATCH', `/api/cases/${made.id}`, {
        token: anna,
        body: { note: 'once' },
        headers: { 'Idempotency-Key': key },
      });
      await call(be, 'POST', '/api/cases/batch', {
        token: anna,
        body: { cases: [{ idempotencyKey: crypto.randomUUID(), ...createBody(3) }] },
      });
      const audit = AuditAnswerSchema.parse((await call(be, 'GET', '/api/audit')).body).entries;
      const annaId = MeAnswerSchema.parse((await call(be, 'GET', '/api/me', { token: anna })).body).agent!.id;
      expect(audit.map((e) => [e.kind, e.by])).toEqual([
        ['agent.added', 'admin'],
        ['group.added', 'admin'],
        ['created', 'Anna'],
        ['note', 'Anna'],
        ['mention', 'Anna'],
        ['status', 'Anna'],
        ['owner', 'Anna'],
        ['decision', 'Anna'],
        ['owner', 'Anna'],
        ['mention', 'Anna'],
        ['note', 'Anna'],
        ['created', 'Anna'],
      ]);
      expect(audit.filter((e) => e.by === 'Anna').every((e) => e.agentId === annaId)).toBe(true);
      expect(audit.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
      expect(audit.find((e) => e.kind === 'decision')?.detail).toMatchObject({
        text: 'Refund agreed',
        status: 'open',
        owner: 'Anna',
      });
      expect(audit.find((e) => e.detail.note === 'Invoice')?.detail).toMatchObject({ group: 'Billing', owner: null });
    });
  });
}
