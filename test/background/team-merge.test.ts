import { describe, expect, it } from 'vitest';
import { mergeViews, onThis, teamSummary } from '../../background/team-merge';
import type { Case } from '../../domain/case';
import type { TeamCase, TeamHistoryEntry } from '../../domain/team';
import type { LinkedCase } from '../../storage/linked-cases';

const at = (m: number) => new Date(Date.UTC(2026, 10, 23, 9, m)).toISOString();
const local = (over: Partial<Case>): LinkedCase => ({
  case: {
    id: 'l1',
    idempotencyKey: '7b0c9e2e-3c1f-4f9a-9d0e-2f6b1b2a9c11',
    status: 'new',
    owner: null,
    category: 'outage',
    severity: 'high',
    mentionIds: [],
    log: [{ id: 'e1', at: at(0), by: 'Bram', kind: 'created', text: 'Captured' }],
    createdAt: at(0),
    updatedAt: at(0),
    syncState: 'sent',
    syncError: null,
    backend: { adapter: 'http', id: 'r1', url: null, syncedAt: at(0) },
    subject: null,
    firstResponse: null,
    dismissal: null,
    mergedInto: null,
    syncProblem: null,
    ...over,
  },
  mentions: [],
  reasons: ['author'],
});
const team = (over: Partial<TeamCase> = {}): TeamCase => ({
  remoteId: 'r1',
  url: 'http://b/api/cases/r1',
  status: 'open',
  owner: 'Anna',
  ownerGroup: null,
  capturedBy: 'Bram',
  category: 'outage',
  severity: 'high',
  createdAt: at(0),
  updatedAt: at(5),
  latestDecision: null,
  lastActivity: { at: at(5), by: 'Anna', kind: 'owner' },
  postUrl: null,
  text: 'x',
  matched: ['post'],
  recentHistory: [],
  ...over,
});

describe('merging this browser’s cases and the team’s', () => {
  it('shows a case once: the team’s state, unless this browser still has changes waiting to be sent', () => {
    const [synced] = mergeViews([local({})], [team()], 'http', 'Anna');
    expect(synced).toMatchObject({
      id: 'l1',
      source: 'both',
      status: 'open',
      owner: 'Anna',
      reasons: ['post', 'author'],
      mine: true,
    });
    const [pending] = mergeViews(
      [local({ syncState: 'queued', status: 'resolved', owner: 'Bram' })],
      [team()],
      'http',
      'Bram',
    );
    expect(pending).toMatchObject({ status: 'resolved', owner: 'Bram', mine: true });
    const both = mergeViews([local({ id: 'l2', backend: null })], [team()], 'http', null);
    expect(both.map((v) => [v.id, v.source])).toEqual([
      ['team:http:r1', 'team'],
      ['l2', 'local'],
    ]);
  });

  it('marks a case handed to this agent by someone else', () => {
    expect(mergeViews([], [team({ owner: 'Bram' })], 'http', 'Bram')[0]!.handedToMe).toBe(true);
    expect(
      mergeViews(
        [],
        [team({ owner: 'Bram', lastActivity: { at: at(5), by: 'Bram', kind: 'owner' } })],
        'http',
        'Bram',
      )[0]!.handedToMe,
    ).toBe(false);
  });
});

describe('who is on this', () => {
  const h = (by: string | null, m: number): TeamHistoryEntry => ({
    at: at(m),
    by,
    kind: 'note',
    text: '',
    note: null,
    from: null,
    to: null,
  });
  it('names the last agent and the start of their run, skipping backend entries', () => {
    expect(onThis([h('Bram', 0), h('Anna', 2), h('Anna', 30), h('http backend', 40)], 'Bram')).toEqual({
      agent: 'Anna',
      since: at(2),
      lastAt: at(30),
      isMe: false,
    });
    expect(onThis([], null)).toEqual({ agent: null, since: null, lastAt: null, isMe: false });
  });
});

describe('the team case as the popup shows it', () => {
  const entry = (over: Partial<TeamHistoryEntry>): TeamHistoryEntry => ({
    at: at(1),
    by: 'Anna',
    kind: 'note',
    text: '',
    note: null,
    from: null,
    to: null,
    ...over,
  });
  it("codes the backend's own lines without repeating its sentence, and keeps a hand-off's note", () => {
    const history = [
      entry({ kind: 'created', text: 'Captured from blog: https://blog.example/post' }),
      entry({ kind: 'status', text: 'Status new → open' }),
      entry({
        kind: 'owner',
        text: 'Anna → Bram: call her back at five',
        note: 'call her back at five',
        from: 'Anna',
        to: 'Bram',
      }),
      entry({ kind: 'note', text: 'Called, no answer' }),
    ];
    const log = teamSummary(team({ recentHistory: history }), 'http', undefined).recentLog;
    expect(log.map((e) => [e.code ?? null, e.text])).toEqual([
      ['captured', ''],
      ['status_changed', ''],
      ['handed_off', 'call her back at five'],
      [null, 'Called, no answer'],
    ]);
    expect(log[0]!.params).toEqual({ platform: 'blog' });
  });
});
