import { describe, expect, it } from 'vitest';
import { trackPendingCapture } from '../../background/pending-capture';
import { teamCaseId } from '../../domain/team-view';
import { freshdeskAdapter } from '../../sync/adapters/freshdesk';
import { zendeskAdapter } from '../../sync/adapters/zendesk';
import type { Adapter } from '../../sync/adapter';
import { saveCapture } from '../../storage/save-capture';
import { mention, review } from '../helpers';
import { FakeFreshdesk } from '../fakes/freshdesk';
import { FakeZendesk } from '../fakes/zendesk';
import { browserOf } from './team-fixtures';

// The same team flows as against the reference backend, on the helpdesk fakes: what each can do,
// and where each waits for its search index.
const post = mention();

type Helpdesk = {
  name: 'zendesk' | 'freshdesk';
  make(): {
    fake: FakeZendesk | FakeFreshdesk;
    agent(name: string): { adapter: Adapter; id: number };
    group(name: string, members: number[]): number;
  };
};

const HELPDESKS: Helpdesk[] = [
  {
    name: 'zendesk',
    make: () => {
      const fake = new FakeZendesk();
      return {
        fake,
        agent: (name) => {
          const a = fake.addAgent(name);
          return {
            id: a.id,
            adapter: zendeskAdapter(fake.base, a.credentials, {
              fetch: fake.fetch,
              timeoutMs: 1000,
              now: fake.clock.now,
            }),
          };
        },
        group: (name, members) => fake.addGroup(name, members),
      };
    },
  },
  {
    name: 'freshdesk',
    make: () => {
      const fake = new FakeFreshdesk();
      return {
        fake,
        agent: (name) => {
          const a = fake.addAgent(name);
          return {
            id: a.id,
            adapter: freshdeskAdapter(fake.base, a.credentials, {
              fetch: fake.fetch,
              timeoutMs: 1000,
              now: fake.clock.now,
            }),
          };
        },
        group: (name) => fake.addGroup(name),
      };
    },
  },
];

for (const hd of HELPDESKS) {
  describe(`team flows on ${hd.name} (fake)`, () => {
    function team() {
      const h = hd.make();
      const [a, b] = [h.agent('Anna'), h.agent('Bram')];
      return {
        ...h,
        ids: { anna: a.id, bram: b.id },
        anna: browserOf(() => a.adapter, { backend: hd.name }, {}, h.fake.clock.now),
        bram: browserOf(() => b.adapter, { backend: hd.name }, {}, h.fake.clock.now),
      };
    }

    it('shows a colleague’s case on the post and offers it at capture; a second save joins it', async () => {
      const { fake, anna, bram } = team();
      const { caseId } = await saveCapture(anna.db, { mention: post, review, agent: 'Anna', syncEnabled: true });
      await anna.drain();
      const remoteId = (await anna.db.cases.get(caseId))!.backend!.id;
      // Zendesk finds the post by external id at once; Freshdesk's filter index lags.
      if (hd.name === 'freshdesk') {
        expect((await bram.team.linked(post.url)).cases).toEqual([]);
        fake.clock.advance(fake.searchLagMs);
      }
      const seen = await bram.team.linked(post.url, true);
      expect(seen.team.state).toBe('ok');
      expect(seen.cases[0]).toMatchObject({
        id: teamCaseId(hd.name, remoteId),
        source: 'team',
        capturedBy: 'Anna',
        status: expect.any(String),
      });
      expect(seen.nextPollMs).toBe(30_000);
      await trackPendingCapture(31, Promise.resolve({ mention: post, readError: null }));
      const opened = await bram.handlers['capture/open']({ tabId: 31 });
      expect(opened.duplicate).toMatchObject({ id: teamCaseId(hd.name, remoteId), source: 'team' });
      // A browser that saves anyway (its popup was not asked) still makes no second ticket: the adapter looks first.
      const again = await saveCapture(bram.db, { mention: post, review, agent: 'Bram', syncEnabled: true });
      await bram.drain();
      expect((await bram.db.cases.get(again.caseId))!.backend!.id).toBe(remoteId);
      const tickets = 'tickets' in fake ? fake.tickets.length : 0;
      expect(tickets).toBe(1);
    });

    it('takes a colleague’s case after asking, assigning by the helpdesk’s own id; hands off to a group', async () => {
      const { fake, anna, bram, ids, group } = team();
      const { caseId } = await saveCapture(anna.db, { mention: post, review, agent: 'Anna', syncEnabled: true });
      await anna.drain();
      expect(await anna.team.take(caseId, false)).toMatchObject({ status: 'taken', owner: 'Anna' });
      await anna.drain();
      const remoteId = (await anna.db.cases.get(caseId))!.backend!.id;
      const id = teamCaseId(hd.name, remoteId);
      expect(await bram.team.take(id, false)).toMatchObject({ status: 'owned-by-other', owner: 'Anna' });
      expect(await bram.team.take(id, true)).toMatchObject({ status: 'taken', previous: 'Anna' });
      await bram.drain();
      const ticket = () => fake.tickets.find((t) => String(t.id) === remoteId)!;
      const assignee = (t: ReturnType<typeof ticket>) => ('assignee_id' in t ? t.assignee_id : t.responder_id);
      expect(assignee(ticket())).toBe(ids.bram);
      const billing = group('Billing', [ids.anna, ids.bram]);
      expect(
        await bram.team.handoff(id, { kind: 'group', id: String(billing), name: 'Billing' }, 'Invoice'),
      ).toMatchObject({ status: 'handed' });
      await bram.drain();
      expect([assignee(ticket()), ticket().group_id]).toEqual([null, billing]);
      const history = await anna.team.history(caseId);
      expect(history.source).toBe('team');
      expect(history.entries.some((e) => e.kind === 'owner' && e.to === 'team Billing' && e.note === 'Invoice')).toBe(
        true,
      );
    });

    it('shows a colleague’s owner change, decision and note in the other agent’s view and history', async () => {
      const { fake, anna, bram } = team();
      const { caseId } = await saveCapture(anna.db, { mention: post, review, agent: 'Anna', syncEnabled: true });
      await anna.drain();
      const remoteId = (await anna.db.cases.get(caseId))!.backend!.id;
      const id = teamCaseId(hd.name, remoteId);
      fake.clock.advance(fake.searchLagMs);
      expect((await bram.team.linked(post.url, true)).cases[0]).toMatchObject({ id, owner: null });
      await anna.team.take(caseId, false);
      await anna.handlers['case/update']({ caseId, status: 'open' });
      await anna.handlers['case/log']({ caseId, kind: 'decision', text: 'Refund one month' });
      await anna.handlers['case/log']({ caseId, kind: 'note', text: 'Called her back' });
      await anna.drain();
      // Freshdesk's filter index shows the new owner only once it caught up (its documented lag).
      if (hd.name === 'freshdesk') fake.clock.advance(fake.searchLagMs);
      // The panel asks again past the cache when its poll comes (helpdesks have no events).
      const seen = await bram.team.linked(post.url, true);
      expect(seen.cases[0]).toMatchObject({ id, owner: 'Anna', status: 'open', source: 'team' });
      expect(seen.nextPollMs).not.toBeNull();
      const history = await bram.team.history(id, true);
      expect(history.source).toBe('team');
      expect(history.entries.map((e) => [e.kind, e.text])).toEqual(
        expect.arrayContaining([
          ['decision', 'Refund one month'],
          ['note', 'Called her back'],
        ]),
      );
      expect(history.entries.find((e) => e.kind === 'owner')).toMatchObject({ to: 'Anna' });
      expect(await bram.team.onThis(id)).toMatchObject({ agent: 'Anna', isMe: false });
    });

    it('hands a case to a colleague with a note: the receiver sees it handed to them, with the note', async () => {
      const { fake, anna, bram, ids } = team();
      const { caseId } = await saveCapture(anna.db, { mention: post, review, agent: 'Anna', syncEnabled: true });
      await anna.drain();
      const remoteId = (await anna.db.cases.get(caseId))!.backend!.id;
      const handed = await anna.team.handoff(
        caseId,
        { kind: 'agent', id: String(ids.bram), name: 'Bram' },
        'She prefers a call after 17:00',
      );
      expect(handed).toMatchObject({ status: 'handed', owner: 'Bram' });
      await anna.drain();
      fake.clock.advance(fake.searchLagMs);
      const view = (await bram.team.linked(post.url, true)).cases[0]!;
      expect(view).toMatchObject({ id: teamCaseId(hd.name, remoteId), owner: 'Bram', handedToMe: true });
      const h = await bram.team.history(view.id, true);
      expect(h.entries.findLast((e) => e.kind === 'owner')).toMatchObject({ to: 'Bram', by: 'Anna' });
      expect(
        h.entries.some(
          (e) => e.text.includes('She prefers a call after 17:00') || e.note === 'She prefers a call after 17:00',
        ),
      ).toBe(true);
    });

    it('two agents saving the same post seconds apart end with one ticket (the look-up right before create)', async () => {
      const { fake, anna, bram } = team();
      await saveCapture(anna.db, { mention: post, review, agent: 'Anna', syncEnabled: true });
      await saveCapture(bram.db, { mention: post, review, agent: 'Bram', syncEnabled: true });
      await anna.drain();
      fake.clock.advance(2000);
      await bram.drain();
      const [a] = await anna.db.cases.toArray();
      const [b] = await bram.db.cases.toArray();
      expect(b!.backend!.id).toBe(a!.backend!.id);
      expect(fake.tickets).toHaveLength(1);
    });

    it('says "team view unavailable" on 429 and keeps local cases; the next poll waits for Retry-After', async () => {
      const { fake, anna } = team();
      await saveCapture(anna.db, { mention: post, review, agent: 'Anna', syncEnabled: false });
      fake.limit.throttleNext(5, 90);
      const r = await anna.team.linked(post.url, true);
      expect(r.team).toMatchObject({ state: 'unavailable', message: expect.stringContaining('429') });
      expect(r.cases.map((c) => c.source)).toEqual(['local']);
      expect(r.nextPollMs).toBe(90_000);
    });
  });
}
