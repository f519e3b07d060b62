import { describe, expect, it } from 'vitest';
import { priority, priorityAt, priorityRank, reachOf, reachPoints } from '../../domain/priority';
import { DEFAULT_SLA_HOURS, isOverdue, responseDueAt, timeToFirstResponse } from '../../domain/sla';
import { suggestCategory } from '../../domain/suggest-category';
import { hasText, isPlaceholderText } from '../../domain/field-rules';
import { brandAccountOf, findBrandReply } from '../../domain/brand';
import { canDelete } from '../../domain/case-rules';
import { syncDetail } from '../../domain/sync-detail';
import { urlKey } from '../../domain/url-key';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-23T12:00:00.000Z');

describe('priority', () => {
  it('severity, reach and age add up as documented', () => {
    const fresh = { severity: 'medium' as const, reach: null, since: new Date(NOW).toISOString() };
    expect(priority(fresh, NOW)).toBe(20);
    // A 40,000-follower author raises it by 16.
    expect(priority({ ...fresh, reach: 40_000 }, NOW)).toBe(36);
    expect(reachPoints(1000)).toBe(0);
    expect(reachPoints(10_000)).toBeCloseTo(10);
    expect(reachPoints(10_000_000_000)).toBe(40);
    // A day of waiting adds 12.
    expect(priority(fresh, NOW + 24 * HOUR)).toBe(32);
    expect(priority({ ...fresh, severity: 'critical' }, NOW)).toBe(60);
    expect(reachOf(null, null)).toBeNull();
    expect(reachOf(500, 48_200)).toBe(48_200);
  });

  it('orders cases the same at any time: the rank is the time-independent part', () => {
    const old = priorityRank({ severity: 'low', reach: null, since: new Date(NOW - 96 * HOUR).toISOString() });
    const critical = priorityRank({ severity: 'critical', reach: null, since: new Date(NOW).toISOString() });
    expect(priorityAt(old, NOW)).toBe(58);
    expect(priorityAt(critical, NOW)).toBe(60);
    expect(old < critical).toBe(true);
    expect(priorityAt(old, NOW + 100 * HOUR) < priorityAt(critical, NOW + 100 * HOUR)).toBe(true);
  });
});

describe('SLA', () => {
  const c = {
    severity: 'high' as const,
    status: 'new',
    createdAt: new Date(NOW).toISOString(),
    firstResponse: null,
    dismissal: null,
    mergedInto: null,
  };
  it('is overdue after the severity’s hours without a first response, and stops on an answer', () => {
    expect(responseDueAt(c, DEFAULT_SLA_HOURS)).toBe(NOW + 4 * HOUR);
    expect(isOverdue(c, DEFAULT_SLA_HOURS, NOW + 3 * HOUR)).toBe(false);
    expect(isOverdue(c, DEFAULT_SLA_HOURS, NOW + 5 * HOUR)).toBe(true);
    const answered = { ...c, firstResponse: { at: new Date(NOW + HOUR).toISOString() } };
    expect(isOverdue(answered, DEFAULT_SLA_HOURS, NOW + 5 * HOUR)).toBe(false);
    expect(timeToFirstResponse(answered)).toBe(HOUR);
    expect(isOverdue({ ...c, status: 'resolved' }, DEFAULT_SLA_HOURS, NOW + 5 * HOUR)).toBe(false);
    expect(isOverdue(c, { ...DEFAULT_SLA_HOURS, high: null }, NOW + 500 * HOUR)).toBe(false);
  });
});

describe('category suggestion', () => {
  it.each([
    ['Al drie dagen een storing, geen internet in heel Utrecht', 'outage'],
    ['My invoice charged me twice this month', 'billing'],
    ['Mi paquete no ha llegado, la entrega era ayer', 'delivery'],
    ['Ich will meinen Vertrag kündigen, aber niemand antwortet', 'contract'],
    ['Le service client ne répond jamais', 'service'],
    ['Lovely weather today', null],
  ])('%s → %s', (text, category) => expect(suggestCategory(text)).toBe(category));
});

describe('text', () => {
  it('a loading placeholder or punctuation is no text', () => {
    for (const t of ['', '  ', 'Loading…', 'Loading...', 'Laden…', 'Cargando...', 'Wird geladen…', '…', '---'])
      expect(hasText(t), t).toBe(false);
    expect(isPlaceholderText('Loading the page took an hour and my order is gone')).toBe(false);
    expect(hasText('Nobody calls back.')).toBe(true);
    expect(hasText('😢')).toBe(true);
  });
});

describe('brand accounts', () => {
  const accounts = [
    { platform: 'x' as const, handle: '@ZiggoWebcare' },
    { platform: 'blog' as const, handle: 'Sanne van Ziggo' },
  ];
  it('matches a handle with or without @ and in any case, or the name where no handle is shown', () => {
    expect(brandAccountOf({ platform: 'x', author: { name: 'Webcare', handle: 'ziggowebcare' } }, accounts)).toEqual(
      accounts[0],
    );
    expect(brandAccountOf({ platform: 'blog', author: { name: 'sanne van ziggo', handle: null } }, accounts)).toBe(
      accounts[1],
    );
    expect(
      brandAccountOf({ platform: 'mastodon', author: { name: null, handle: 'ziggowebcare' } }, accounts),
    ).toBeNull();
  });

  it('finds the brand’s reply to the case’s post among the page’s posts', () => {
    const post = 'https://x.com/klant/status/1';
    const item = (url: string, handle: string, parentUrl: string | null, publishedAt: string | null = null) => ({
      platform: 'x' as const,
      author: { name: null, handle },
      url,
      parentUrl,
      publishedAt,
    });
    const page = [
      item(post, 'klant', null),
      item('https://x.com/other/status/2', 'other', post),
      item('https://x.com/ZiggoWebcare/status/4', 'ZiggoWebcare', post, '2026-11-23T10:05:00.000Z'),
      item('https://x.com/ZiggoWebcare/status/3', 'ZiggoWebcare', post, '2026-11-23T10:00:00.000Z'),
      item('https://x.com/ZiggoWebcare/status/9', 'ZiggoWebcare', 'https://x.com/someone/status/8'),
    ];
    expect(findBrandReply(page, new Set([urlKey(post)]), accounts, urlKey)).toEqual({
      url: 'https://x.com/ZiggoWebcare/status/3',
      at: '2026-11-23T10:00:00.000Z',
      author: 'ZiggoWebcare',
    });
    expect(findBrandReply(page.slice(0, 2), new Set([urlKey(post)]), accounts, urlKey)).toBeNull();
  });
});

describe('case rules and sync detail', () => {
  it('deletes only what can never have reached a backend', () => {
    const local = { backend: null, mergedInto: null };
    expect(canDelete(local, [])).toBe(true);
    expect(canDelete(local, [{ state: 'pending', attempts: 0 }])).toBe(true);
    expect(canDelete(local, [{ state: 'pending', attempts: 1 }])).toBe(false);
    expect(canDelete(local, [{ state: 'inflight', attempts: 0 }])).toBe(false);
    expect(canDelete(local, [{ state: 'unknown', attempts: 0 }])).toBe(false);
    expect(canDelete({ ...local, backend: { adapter: 'http', id: '1', url: null, syncedAt: '' } }, [])).toBe(false);
  });

  it('says why a queued case waits and when the next try is', () => {
    const waiting = { code: 'sync_network' as const, params: { backend: 'Zendesk' } };
    const entries = [
      { id: 2, state: 'pending' as const, nextAttemptAt: 9, lastProblem: null },
      { id: 1, state: 'pending' as const, nextAttemptAt: 5, lastProblem: waiting },
    ];
    expect(syncDetail({ syncState: 'queued', syncProblem: null }, entries, null)).toEqual({
      state: 'queued',
      problem: waiting,
      nextTryAt: 5,
    });
    const noCreds = { code: 'backend_credentials_missing' as const, params: {} };
    expect(syncDetail({ syncState: 'queued', syncProblem: null }, entries, noCreds).problem).toEqual(noCreds);
    const refused = { code: 'sync_http' as const, params: { backend: 'Zendesk', status: '422', detail: 'bad' } };
    expect(syncDetail({ syncState: 'failed', syncProblem: refused }, [], null)).toEqual({
      state: 'failed',
      problem: refused,
      nextTryAt: null,
    });
    expect(syncDetail({ syncState: 'sent', syncProblem: null }, entries, noCreds).problem).toBeNull();
  });
});
