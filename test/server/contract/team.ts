import { describe, expect, it } from 'vitest';
import { ContractCaseSchema } from '../../../contract/cases';
import {
  AgentsAnswerSchema,
  AuditAnswerSchema,
  ChangesAnswerSchema,
  HistoryAnswerSchema,
  LookupAnswerSchema,
  MeAnswerSchema,
} from '../../../contract/team';
import { tokenHash } from '../../../server/auth';
import { addAgent, call, createBody, type ServeOptions } from '../fixtures';
import { useBackend, type Backend, type Target } from '../targets';

/** The team endpoints: agents and tokens, one case per post, lookups, history, the feed, the audit. */
export function teamSuite(target: Target) {
  const ctx = useBackend(target);
  let be: Backend;
  const start = async (opts?: ServeOptions) => (be = await ctx.start(opts));
  const create = (token: string, body: unknown, key: string = crypto.randomUUID()) =>
    call(be, 'POST', '/api/cases', { token, body, headers: { 'Idempotency-Key': key } });
  const patch = (token: string, id: string, body: unknown) =>
    call(be, 'PATCH', `/api/cases/${id}`, { token, body, headers: { 'Idempotency-Key': crypto.randomUUID() } });

  describe(`${target.name}: agents and tokens`, () => {
    it('gives each agent a token of their own, keeps only its hash, and names the agent from it', async () => {
      await start();
      const anna = await addAgent(be, 'Anna');
      const bram = await addAgent(be, 'Bram');
      expect(anna).not.toBe(bram);
      expect(MeAnswerSchema.parse((await call(be, 'GET', '/api/me', { token: anna })).body)).toEqual({
        agent: { id: expect.any(String), name: 'Anna' },
        admin: false,
      });
      expect(MeAnswerSchema.parse((await call(be, 'GET', '/api/me')).body)).toEqual({ agent: null, admin: true });
      expect((await call(be, 'GET', '/api/me', { token: anna.slice(0, -1) + 'x' })).status).toBe(401);
      expect((await call(be, 'GET', '/api/me', { token: '' })).status).toBe(401);
      const kept = await be.dump();
      expect(kept).not.toContain(anna);
      expect(kept).toContain(tokenHash(anna));
      expect(kept).toContain('Anna');
      be = await ctx.restart();
      expect((await call(be, 'GET', '/api/me', { token: anna })).status).toBe(200);
    });

    it('records who acts from the token, never from the body; the admin token may name the agent', async () => {
      await start();
      const anna = await addAgent(be, 'Anna');
      const made = ContractCaseSchema.parse((await create(anna, { ...createBody(1), capturedBy: 'Mallory' })).body);
      expect(made.history[0]).toMatchObject({ kind: 'created', by: 'Anna' });
      const changed = ContractCaseSchema.parse((await patch(anna, made.id, { status: 'open', by: 'Mallory' })).body);
      expect(changed.history.at(-1)).toMatchObject({ kind: 'status', by: 'Anna' });
      const admin = ContractCaseSchema.parse((await patch('test-token', made.id, { note: 'n', by: 'Sanne' })).body);
      expect(admin.history.at(-1)).toMatchObject({ kind: 'note', by: 'Sanne' });
    });

    it('lists agents and groups; only the admin token adds them, each name once', async () => {
      await start();
      const anna = await addAgent(be, 'Anna');
      expect((await call(be, 'POST', '/api/groups', { body: { name: 'Billing' } })).status).toBe(201);
      expect((await call(be, 'POST', '/api/agents', { token: anna, body: { name: 'Eve' } })).status).toBe(403);
      expect((await call(be, 'POST', '/api/agents', { body: { name: 'anna' } })).status).toBe(409);
      expect((await call(be, 'POST', '/api/agents', { body: { name: '  ' } })).status).toBe(400);
      const roster = AgentsAnswerSchema.parse((await call(be, 'GET', '/api/agents', { token: anna })).body);
      expect(roster.agents.map((a) => a.name)).toEqual(['Anna']);
      expect(roster.groups.map((g) => g.name)).toEqual(['Billing']);
    });
  });

  describe(`${target.name}: one case per post`, () => {
    it('makes one case when two agents save the same post at the same moment, and says so to the second', async () => {
      await start({ faults: { latencyMs: 15 } });
      const [anna, bram] = [await addAgent(be, 'Anna'), await addAgent(be, 'Bram')];
      // The same tweet as different agents saw it: x.com, twitter.com, with a tracking parameter.
      const variants = [
        { url: 'https://x.com/marloesdv/status/17900000001' },
        { url: 'https://twitter.com/MarloesDV/status/17900000001?s=20' },
        { url: 'https://mobile.twitter.com/marloesdv/status/17900000001' },
      ];
      const answers = await Promise.all(
        Array.from({ length: 9 }, (_, i) => create(i % 2 ? bram : anna, createBody(1, variants[i % 3], `note ${i}`))),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 201]);
      const cases = answers.map((a) => ContractCaseSchema.parse(a.body));
      expect(new Set(cases.map((c) => c.id)).size).toBe(1);
      expect(cases.filter((c) => c.existing).length).toBe(8);
      expect((await be.store.stats()).cases).toBe(1);
      const history = HistoryAnswerSchema.parse((await call(be, 'GET', `/api/cases/${cases[0]!.id}/history`)).body);
      expect(history.history.filter((h) => h.kind === 'mention').length).toBe(8);
      // Every note reached the one case.
      expect(history.history.filter((h) => h.kind === 'note').length).toBe(9);
    });

    it('answers a replayed key with the case it got the first time, existing or not', async () => {
      await start();
      const key = crypto.randomUUID();
      const first = await create('test-token', createBody(2));
      const again = await create('test-token', createBody(2, {}, 'seen it too'), key);
      expect([first.status, again.status]).toEqual([201, 200]);
      const replay = await create('test-token', createBody(2, {}, 'seen it too'), key);
      expect(replay.status).toBe(200);
      expect(ContractCaseSchema.parse(replay.body)).toMatchObject({ existing: true });
      expect((await create('test-token', createBody(2, {}, 'other'), key)).status).toBe(422);
      // A client whose answer was lost finds the case its create joined by its key.
      const byKey = (await call(be, 'GET', `/api/cases?idempotencyKey=${key}`)).body as { cases: { id: string }[] };
      expect(byKey.cases.map((c) => c.id)).toEqual([ContractCaseSchema.parse(first.body).id]);
    });

    it('holds across a batch too, within one batch and against cases made before', async () => {
      await start();
      const earlier = ContractCaseSchema.parse((await create('test-token', createBody(3))).body);
      const item = (n: number) => ({ idempotencyKey: crypto.randomUUID(), ...createBody(n) });
      const r = await call(be, 'POST', '/api/cases/batch', { body: { cases: [item(3), item(4), item(4)] } });
      const results = (r.body as { results: { status: number; existing?: boolean; case: { id: string } }[] }).results;
      expect(results.map((x) => [x.status, x.existing ?? false])).toEqual([
        [200, true],
        [201, false],
        [200, true],
      ]);
      expect(results[0]!.case.id).toBe(earlier.id);
      expect(results[2]!.case.id).toBe(results[1]!.case.id);
    });
  });

  describe(`${target.name}: lookups, history and hand-offs`, () => {
    it('finds a page’s cases by post, author (with linked identities) and thread in one request', async () => {
      await start();
      const post = ContractCaseSchema.parse((await create('test-token', createBody(5))).body);
      const reply = ContractCaseSchema.parse(
        (
          await create(
            'test-token',
            createBody(6, {
              author: { name: 'Joost', handle: 'joost', profileUrl: null, followers: null },
              parentUrl: 'https://x.com/marloesdv/status/17900000005',
            }),
          )
        ).body,
      );
      const other = ContractCaseSchema.parse(
        (
          await create(
            'test-token',
            createBody(7, { author: { name: 'M', handle: 'marloes_alt', profileUrl: null, followers: null } }),
          )
        ).body,
      );
      const r = await call(be, 'POST', '/api/lookup', {
        body: {
          posts: ['https://twitter.com/MarloesDV/status/17900000005?s=20'],
          authors: ['x:marloesdv', 'x:marloes_alt'],
          threads: ['https://x.com/marloesdv/status/17900000005'],
        },
      });
      const answer = LookupAnswerSchema.parse(r.body);
      const byId = new Map(answer.cases.map((c) => [c.id, c]));
      expect(answer.cases[0]!.id).toBe(post.id);
      expect(byId.get(post.id)!.matched).toEqual(['post', 'author', 'thread']);
      expect(byId.get(reply.id)!.matched).toEqual(['thread']);
      expect(byId.get(other.id)!.matched).toEqual(['author']);
      expect(byId.get(post.id)).toMatchObject({ capturedBy: 'Sanne', owner: null, status: 'new' });
      expect(Number(answer.cursor)).toBeGreaterThan(0);
      expect(LookupAnswerSchema.parse((await call(be, 'POST', '/api/lookup', { body: {} })).body).cases).toEqual([]);
      // The post's author counts as seen on the page even when the page's address does not name them.
      const byPostOnly = LookupAnswerSchema.parse(
        (await call(be, 'POST', '/api/lookup', { body: { posts: [createBody(5).mention.url] } })).body,
      );
      expect(byPostOnly.cases.map((c) => [c.id, c.matched])).toEqual([[post.id, ['post', 'author']]]);
    });

    it('records a hand-off as "Anna → Bram" with its note, and to a group; the decision is the latest one', async () => {
      await start();
      const [anna, bram] = [await addAgent(be, 'Anna'), await addAgent(be, 'Bram')];
      const c = ContractCaseSchema.parse((await create(anna, createBody(8))).body);
      await patch(anna, c.id, { owner: 'Anna' });
      await patch(anna, c.id, { noteKind: 'decision', note: 'Credit one month' });
      await patch(anna, c.id, { owner: 'Bram', noteKind: 'handoff', note: 'She calls back at 3' });
      await patch(bram, c.id, { owner: null, group: 'Billing', noteKind: 'handoff', note: 'Needs an invoice fix' });
      const h = HistoryAnswerSchema.parse((await call(be, 'GET', `/api/cases/${c.id}/history`, { token: bram })).body);
      expect(h.history.filter((e) => e.kind === 'owner').map((e) => [e.by, e.from, e.to, e.note])).toEqual([
        ['Anna', null, 'Anna', null],
        ['Anna', 'Anna', 'Bram', 'She calls back at 3'],
        ['Bram', 'Bram', 'team Billing', 'Needs an invoice fix'],
      ]);
      expect(h.history.find((e) => e.note === 'She calls back at 3')?.text).toBe('Anna → Bram: She calls back at 3');
      const found = LookupAnswerSchema.parse(
        (await call(be, 'POST', '/api/lookup', { body: { posts: [createBody(8).mention.url] } })).body,
      ).cases[0]!;
      expect(found).toMatchObject({
        owner: null,
        group: 'Billing',
        latestDecision: { by: 'Anna', text: 'Credit one month' },
      });
      expect(found.lastActivity).toMatchObject({ by: 'Bram', kind: 'owner' });
      expect((await call(be, 'GET', '/api/cases/nope/history')).status).toBe(404);
    });

    it('attaches a post to a case with PATCH mention: the post then finds that case, and a create for it joins it', async () => {
      await start();
      const c = ContractCaseSchema.parse((await create('test-token', createBody(9))).body);
      await patch('test-token', c.id, { mention: createBody(10).mention });
      const found = LookupAnswerSchema.parse(
        (await call(be, 'POST', '/api/lookup', { body: { posts: [createBody(10).mention.url] } })).body,
      );
      expect(found.cases.map((x) => x.id)).toEqual([c.id]);
      const again = ContractCaseSchema.parse((await create('test-token', createBody(10))).body);
      expect([again.id, again.existing]).toEqual([c.id, true]);
    });
  });

  describe(`${target.name}: change feed and audit`, () => {
    it('gives changes after a cursor from the store, in order, in pages', async () => {
      await start();
      const anna = await addAgent(be, 'Anna');
      const first = ChangesAnswerSchema.parse((await call(be, 'GET', '/api/changes', { token: anna })).body);
      const c = ContractCaseSchema.parse((await create(anna, createBody(11, {}, 'first note'))).body);
      await patch(anna, c.id, { status: 'open' });
      await patch(anna, c.id, { owner: 'Anna' });
      const all = ChangesAnswerSchema.parse(
        (await call(be, 'GET', `/api/changes?since=${first.cursor}`, { token: anna })).body,
      );
      expect(all.changes.map((x) => [x.kind, x.by, x.caseId])).toEqual([
        ['created', 'Anna', c.id],
        ['note', 'Anna', c.id],
        ['status', 'Anna', c.id],
        ['owner', 'Anna', c.id],
      ]);
      expect(all.changes.at(-1)).toMatchObject({ status: 'open', owner: 'Anna', text: 'nobody → Anna' });
      const cursors = all.changes.map((x) => Number(x.cursor));
      expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
      const paged = ChangesAnswerSchema.parse(
        (await call(be, 'GET', `/api/changes?since=${first.cursor}&limit=3`, { token: anna })).body,
      );
      expect([paged.changes.length, paged.more]).toEqual([3, true]);
      const rest = ChangesAnswerSchema.parse(
        (await call(be, 'GET', `/api/changes?since=${paged.cursor}`, { token: anna })).body,
      );
      expect([rest.changes.length, rest.more, rest.cursor]).toEqual([1, false, all.cursor]);
      const none = ChangesAnswerSchema.parse((await call(be, 'GET', `/api/changes?since=${all.cursor}`)).body);
      expect([none.changes, none.cursor]).toEqual([[], all.cursor]);
      expect((await call(be, 'GET', '/api/changes?since=abc')).status).toBe(400);
    });

    it('audits every change with who and when; only the admin token reads it', async () => {
      await start();
      const anna = await addAgent(be, 'Anna');
      const c = ContractCaseSchema.parse((await create(anna, createBody(12))).body);
      await patch(anna, c.id, { status: 'resolved' });
      expect((await call(be, 'GET', '/api/audit', { token: anna })).status).toBe(403);
      const audit = AuditAnswerSchema.parse((await call(be, 'GET', '/api/audit')).body);
      expect(audit.entries.map((e) => [e.kind, e.by, e.caseId])).toEqual([
        ['agent.added', 'admin', null],
        ['created', 'Anna', c.id],
        ['status', 'Anna', c.id],
      ]);
      const me = MeAnswerSchema.parse((await call(be, 'GET', '/api/me', { token: anna })).body);
      expect(audit.entries[1]!.agentId).toBe(me.agent!.id);
      expect(audit.entries.every((e) => /^\d{4}-\d\d-\d\dT/.test(e.at))).toBe(true);
    });
  });
}
