import { describe, expect, it } from 'vitest';
import { rowFromTeam, withTeam } from '../../domain/team-row';
import type { TeamCaseView } from '../../domain/team-view';
import { withTeamCases } from '../../components/sidepanel/team-queue';
import type { QueueRow } from '../../domain/queue-row';
import { NO_FILTER } from '../../domain/queue';

function view(id: string, over: Partial<TeamCaseView> = {}): TeamCaseView {
  return {
    id,
    localCaseId: null,
    remoteId: id.replace(/^team:http:/, ''),
    source: 'team',
    reasons: ['author'],
    status: 'new',
    owner: null,
    ownerGroup: null,
    capturedBy: 'Anna',
    category: 'outage',
    severity: 'high',
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:05:00.000Z',
    latestDecision: null,
    lastActivity: null,
    text: 'Al  drie weken\ngeen internet',
    author: 'Marloes',
    postUrl: 'https://example.com/p',
    url: null,
    syncState: null,
    mine: false,
    handedToMe: false,
    ...over,
  };
}

describe('"This page" with the team’s cases', () => {
  it('adds the colleagues’ cases not held here, once each, the ones handed to the agent first', () => {
    const views = new Map(
      [
        view('local-1', { source: 'both', localCaseId: 'local-1' }),
        // Held here but left out of the page's list by the queue's filters: not added back.
        view('local-3', { source: 'local', localCaseId: 'local-3' }),
        view('team:http:7'),
        view('team:http:8', { handedToMe: true }),
      ].map((v) => [v.id, v]),
    );
    expect(withTeamCases(['local-1', 'local-2'], null, views, NO_FILTER)).toEqual({
      ids: ['team:http:8', 'local-1', 'local-2', 'team:http:7'],
      pinned: null,
      added: 2,
    });
  });

  it('lists a case held here that only the team links to the page, and applies the filters to what it adds', () => {
    const views = new Map(
      [
        view('local-4', { source: 'both', localCaseId: 'local-4' }),
        view('team:http:5', { status: 'resolved' }),
        view('team:http:6', { severity: 'low', text: 'Factuur klopt niet' }),
      ].map((v) => [v.id, v]),
    );
    expect(withTeamCases([], null, views, NO_FILTER).ids).toEqual(['local-4', 'team:http:6']);
    expect(withTeamCases([], null, views, { ...NO_FILTER, status: 'any', severity: 'low' }).ids).toEqual([
      'team:http:6',
    ]);
    expect(withTeamCases([], null, views, { ...NO_FILTER, search: 'factuur' }).ids).toEqual(['team:http:6']);
    expect(withTeamCases([], null, views, { ...NO_FILTER, platform: 'x' }).ids).toEqual([]);
  });

  it('pins the team’s case of the page’s own post when this browser has none', () => {
    const views = new Map([view('team:http:7', { reasons: ['post'] }), view('team:http:9')].map((v) => [v.id, v]));
    expect(withTeamCases([], null, views, NO_FILTER)).toMatchObject({ ids: ['team:http:9'], pinned: 'team:http:7' });
    // This browser's own case of the post stays pinned.
    expect(withTeamCases([], 'local-1', views, NO_FILTER).pinned).toBe('local-1');
  });
});

describe('a team case as a queue row', () => {
  it('shows what the backend says: status, owner or group, the start of the text, no sync state', () => {
    const row = rowFromTeam(view('team:http:7', { ownerGroup: 'Billing', status: 'open' }), Date.now());
    expect(row).toMatchObject({
      source: 'team',
      status: 'open',
      owner: 'team Billing',
      author: 'Marloes',
      excerpt: 'Al drie weken geen internet',
      syncState: null,
    });
  });

  it('a local row takes the team’s status and owner, unless the view is this browser’s own', () => {
    const row = { id: 'local-1', status: 'new', owner: null } as QueueRow;
    expect(withTeam(row, view('local-1', { source: 'both', status: 'open', owner: 'Anna' }))).toMatchObject({
      status: 'open',
      owner: 'Anna',
    });
    expect(withTeam(row, view('local-1', { source: 'local', status: 'open' }))).toBe(row);
    expect(withTeam(row, undefined)).toBe(row);
  });
});
