import { afterEach, describe, expect, it } from 'vitest';
import { trackPendingCapture } from '../../background/pending-capture';
import { pollTeamFeed, teamActivityItem } from '../../background/team-feed';
import { HistoryAnswerSchema } from '../../contract/team';
import { teamCaseId } from '../../domain/team-view';
import { httpContractAdapter } from '../../sync/adapters/http-contract';
import { saveCapture } from '../../storage/save-capture';
import { mention, review } from '../helpers';
import { addAgent, call, startBackend, type Running } from '../server/fixtures';
import { browserOf } from './team-fixtures';

let be: Running | undefined;
afterEach(async () => {
  if (be) be.faults.config.paused = false;
  await be?.close();
  be = undefined;
});

const post = mention();
const PAGE = post.url;

async function team() {
  be = await startBackend();
  const [annaToken, bramToken] = [await addAgent(be, 'Anna'), await addAgent(be, 'Bram')];
  const adapter = (token: string) => {
    const a = httpContractAdapter(be!.url, { token }, { fetch, timeoutMs: 5000 });
    return () => a;
  };
  return { anna: browserOf(adapter(annaToken)), bram: browserOf(adapter(bramToken)) };
}

async function capture(b: ReturnType<typeof browserOf>, m = post) {
  const r = await saveCapture(b.db, { mention: m, review, agent: 'x', syncEnabled: true });
  await b.drain();
  return (await b.db.cases.get(r.caseId))!;
}

describe('team service: the team’s cases next to the page', () => {
  it('shows a colleague’s case on the post with who captured and owns it, merged with local ones without duplicates', async () => {
    const { anna, bram } = await team();
    const annas = await capture(anna);
    const seen = await bram.team.linked(PAGE);
    expect(seen.team.state).toBe('ok');
    expect(seen.me).toBe('Bram');
    expect(seen.cases).toHaveLength(1);
    expect(seen.cases[0]).toMatchObject({
      id: teamCaseId('http', annas.backend!.id),
      source: 'team',
      localCaseId: null,
      capturedBy: 'Anna',
      owner: null,
      status: 'new',
      reasons: ['post', 'author', 'thread'],
    });
    // Anna's own view: her local case and the backend's are one entry.
    const own = await anna.team.linked(PAGE);
    expect(own.cases.map((c) => [c.source, c.localCaseId])).toEqual([['both', annas.id]]);
  });

  it('answers capture/open with the team’s case; a note on it reaches that case; the backend keeps one case', async () => {
    const { anna, bram } = await team();
    const annas = await capture(anna);
    await trackPendingCapture(
      21,
      Promise.resolve({
        mention: mention({ url: 'https://twitter.com/MarloesDV/status/1790000000000000001?s=20' }),
        readError: null,
      }),
    );
    const opened = await bram.handlers['capture/open']({ tabId: 21 });
    expect(opened.team.state).toBe('ok');
    expect(opened.duplicate).toMatchObject({
      id: teamCaseId('http', annas.backend!.id),
      source: 'team',
      capturedBy: 'Anna',
    });
    await bram.handlers['case/log']({ caseId: opened.duplicate!.id, kind: 'note', text: 'Seen it too' });
    await bram.drain();
    expect((await be!.store.stats()).cases).toBe(1);
    const h = HistoryAnswerSchema.parse((await call(be!, 'GET', `/api/cases/${annas.backend!.id}/history`)).body);
    expect(h.history.at(-1)).toMatchObject({ kind: 'note', by: 'Bram', text: 'Seen it too' });
    // A save that comes after the check joins the team's case too.
    const saved = await bram.handlers['capture/save']({ mention: post, review: { ...review, note: 'again' } });
    expect(saved.caseId).toBe(opened.duplicate!.id);
    expect(await bram.db.cases.count()).toBe(1);
  });

  it('offers the author’s open team cases next to this browser’s', async () => {
    const { anna, bram } = await team();
    await capture(anna);
    const other = mention({ url: 'https://x.com/marloesdv/status/2', postId: '2' });
    const { cases } = await bram.handlers['capture/author-cases']({ mention: other });
    expect(cases.map((c) => [c.source, c.capturedBy])).toEqual([['team', 'Anna']]);
  });

  it('keeps a time budget and a short cache; an unreachable backend gives "unavailable" and the local cases', async () => {
    be = await startBackend();
    const token = await addAgent(be, 'Anna');
    const a = httpContractAdapter(be.url, { token }, { fetch, timeoutMs: 5000 });
    const b = browserOf(() => a, {}, { lookupBudgetMs: 50 });
    await saveCapture(b.db, { mention: post, review, agent: 'Anna', syncEnabled: true });
    await b.team.linked(PAGE);
    const before = be.faults.counts.requests;
    await b.team.linked(PAGE);
    expect(be.faults.counts.requests).toBe(before);
    await b.team.linked(PAGE, true);
    expect(be.faults.counts.requests).toBe(before + 1);
    be.faults.config.paused = true;
    const slow = await b.team.linked(PAGE, true);
    expect(slow.team).toEqual({ state: 'unavailable', message: 'The team backend did not answer within 50 ms' });
    expect(slow.cases.map((c) => c.source)).toEqual(['local']);
    be.faults.config.paused = false;
    // The request the budget gave up on still finishes; then the backend goes away.
    await b.team.linked(PAGE, true);
    await be.close();
    be = undefined;
    const down = await b.team.linked(PAGE, true);
    expect(down.team.state).toBe('unavailable');
    expect(down.cases).toHaveLength(1);
    expect((await b.team.history(down.cases[0]!.id)).source).toBe('local');
  });
});

describe('team service: ownership is a team fact', () => {
  it('asks before taking a case a colleague owns, then records "Anna → Bram"', async () => {
    const { anna, bram } = await team();
    const annas = await capture(anna);
    expect(await anna.team.take(annas.id, false)).toMatchObject({ status: 'taken', owner: 'Anna', previous: null });
    await anna.drain();
    const id = teamCaseId('http', annas.backend!.id);
    const asked = await bram.team.take(id, false);
    expect(asked).toMatchObject({ status: 'owned-by-other', owner: 'Anna' });
    expect(await bram.db.cases.count()).toBe(0);
    expect(await bram.team.take(id, true)).toMatchObject({
      status: 'taken',
      caseId: id,
      owner: 'Bram',
      previous: 'Anna',
    });
    expect(bram.syncsRequested()).toBeGreaterThan(0);
    await bram.drain();
    const h = HistoryAnswerSchema.parse((await call(be!, 'GET', `/api/cases/${annas.backend!.id}/history`)).body);
    expect(h.history.filter((e) => e.kind === 'owner').map((e) => [e.by, e.text])).toEqual([
      ['Anna', 'nobody → Anna'],
      ['Bram', 'Anna → Bram'],
    ]);
    expect(await bram.team.onThis(id)).toMatchObject({ agent: 'Bram', isMe: true });
    expect(await anna.team.onThis(annas.id)).toMatchObject({ agent: 'Bram', isMe: false });
  });

  it('hands off to an agent or a group with a note; the receiver sees it handed to them', async () => {
    const { anna, bram } = await team();
    await call(be!, 'POST', '/api/groups', { body: { name: 'Billing' } });
    const annas = await capture(anna);
    const roster = await anna.team.roster();
    const bramRef = roster.roster.agents.find((x) => x.name === 'Bram')!;
    expect(
      await anna.team.handoff(annas.id, { kind: 'agent', id: bramRef.id, name: 'Bram' }, 'Calls at 3'),
    ).toMatchObject({
      status: 'handed',
      owner: 'Bram',
    });
    await anna.drain();
    const view = (await bram.team.linked(PAGE, true)).cases[0]!;
    expect(view).toMatchObject({ owner: 'Bram', mine: true, handedToMe: true });
    const history = await bram.team.history(view.id);
    expect(history.entries.find((e) => e.kind === 'owner')).toMatchObject({
      by: 'Anna',
      from: null,
      to: 'Bram',
      note: 'Calls at 3',
    });
    await bram.team.handoff(view.id, { kind: 'group', id: null, name: 'Billing' }, '');
    await bram.drain();
    expect((await anna.team.linked(PAGE, true)).cases[0]).toMatchObject({ owner: null, ownerGroup: 'Billing' });
  });

  it('never takes ownership as "agent": with no name known it asks for one and writes nothing', async () => {
    be = await startBackend();
    const admin = httpContractAdapter(be.url, { token: 'test-token' }, { fetch, timeoutMs: 5000 });
    const b = browserOf(() => admin, { agentName: '' });
    const { caseId } = await saveCapture(b.db, { mention: post, review, agent: 'x', syncEnabled: true });
    expect(await b.team.take(caseId, true)).toEqual({ status: 'need-agent-name' });
    await expect(b.handlers['case/take']({ caseId })).rejects.toMatchObject({ code: 'agent_name_missing' });
    expect((await b.db.cases.get(caseId))?.owner).toBeNull();
    expect(await b.team.identity()).toEqual({ id: null, name: null, source: null });
    b.settings.agentName = 'Sanne';
    expect(await b.team.take(caseId, false)).toMatchObject({ status: 'taken', owner: 'Sanne' });
  });
});

describe('team service: changes reach the other agents', () => {
  it('polls the change feed: a colleague’s status, owner and note reach the copy held here; hand-offs count for the badge', async () => {
    const { anna, bram } = await team();
    const annas = await capture(anna);
    const id = teamCaseId('http', annas.backend!.id);
    await bram.handlers['case/log']({ caseId: id, kind: 'note', text: 'Keeping an eye on it' });
    await bram.drain();
    const reader = httpContractAdapter(
      be!.url,
      { token: await addAgent(be!, 'Bram on a second device') },
      { fetch, timeoutMs: 5000 },
    );
    const deps = {
      db: bram.db,
      backend: async () => ({ adapter: reader }),
      backendId: async () => 'http|test',
      me: async () => 'Bram',
      now: Date.now,
    };
    await teamActivityItem.removeValue();
    expect(await pollTeamFeed(deps)).toBe(0);
    await anna.handlers['case/update']({ caseId: annas.id, status: 'open' });
    await anna.team.handoff(annas.id, { kind: 'agent', id: null, name: 'Bram' }, 'Yours now');
    await anna.handlers['case/log']({ caseId: annas.id, kind: 'decision', text: 'Credit a month' });
    await anna.drain();
    expect(await pollTeamFeed(deps)).toBeGreaterThanOrEqual(3);
    const held = (await bram.db.cases.get(id))!;
    expect([held.status, held.owner]).toEqual(['open', 'Bram']);
    expect(
      held.log.slice(-3).map((e) => [e.kind, e.by, e.code ? `${e.code} ${e.params?.from} ${e.params?.to}` : e.text]),
    ).toEqual([
      ['status', 'Anna', 'status_changed new open'],
      ['owner', 'Anna', 'nobody → Bram: Yours now'],
      ['decision', 'Anna', 'Credit a month'],
    ]);
    const activity = await teamActivityItem.getValue();
    expect(activity.handedToMe).toEqual([annas.backend!.id]);
    expect(activity.changed).toEqual([annas.backend!.id]);
    await bram.handlers['team/seen']({ remoteIds: [annas.backend!.id] });
    expect(await bram.handlers['team/activity']({})).toMatchObject({ handedToMe: [], changed: [] });
  });

  it('two agents saving the same new post at the same moment end with one case; the second joins it', async () => {
    const { anna, bram } = await team();
    const [a, b] = await Promise.all([
      saveCapture(anna.db, {
        mention: post,
        review: { ...review, note: 'from Anna' },
        agent: 'Anna',
        syncEnabled: true,
      }),
      saveCapture(bram.db, {
        mention: post,
        review: { ...review, note: 'from Bram' },
        agent: 'Bram',
        syncEnabled: true,
      }),
    ]);
    await Promise.all([anna.drain(), bram.drain()]);
    expect((await be!.store.stats()).cases).toBe(1);
    const [ca, cb] = [(await anna.db.cases.get(a.caseId))!, (await bram.db.cases.get(b.caseId))!];
    expect(ca.backend!.id).toBe(cb.backend!.id);
    const joined = [ca, cb].find((c) => c.log.some((e) => e.code === 'joined_team_case'));
    expect(joined).toBeDefined();
    const h = HistoryAnswerSchema.parse((await call(be!, 'GET', `/api/cases/${ca.backend!.id}/history`)).body);
    expect(
      h.history
        .filter((e) => e.kind === 'note')
        .map((e) => e.text)
        .sort(),
    ).toEqual(['from Anna', 'from Bram']);
  });
});
