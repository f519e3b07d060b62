import { describe, expect, it } from 'vitest';
import {
  createRouter,
  markersChannel,
  pagesChannel,
  type Handlers,
  type MarkerHandlers,
  type SenderInfo,
} from '../../messaging/router';
import { CaptureDb } from '../../storage/db';
import { saveCapture } from '../../storage/save-capture';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const own = { id: ID, url: `${ORIGIN}popup.html` };

const mention = {
  platform: 'blog',
  kind: 'post',
  url: 'https://blog.example/p/1',
  postId: null,
  author: { name: 'Anouk', handle: null, profileUrl: null, followers: null },
  text: 'Geen internet',
  title: 'Drie weken',
  publishedAt: null,
  language: 'nl',
  parentUrl: null,
  metrics: { views: null, likes: null, reposts: null, replies: null },
  warnings: [],
  capturedAt: '2026-11-23T09:00:00.000Z',
};
const review = { category: 'outage', severity: 'high', owner: null, note: '' };

function routerWith(db: CaptureDb, overrides: Partial<Handlers> = {}) {
  const handlers = {
    'capture/save': (r) => saveCapture(db, { ...r, agent: 'a', syncEnabled: false }),
    'case/log': async () => ({ ok: true as const }),
    'case/update': async () => ({ ok: true as const }),
    'case/take': async () => ({ ok: true as const }),
    'case/get': async ({ caseId }) => (await db.cases.get(caseId)) ?? null,
    ...overrides,
  } as Handlers;
  const markers: MarkerHandlers = {
    'markers/lookup': async ({ keys }) => Object.fromEntries(keys.map((k) => [k, { caseId: 'c1', status: 'open' }])),
    'markers/open': async (_req, sender) => {
      opened.push(sender.tab?.id ?? -1);
      return { ok: true };
    },
  };
  return createRouter(pagesChannel(handlers, ID, ORIGIN), markersChannel(markers, ID, ORIGIN));
}
const opened: number[] = [];

// The background accepts only its own extension's contexts and only well-formed requests.
describe('message router', () => {
  it('saves a valid capture from an extension page', async () => {
    const db = new CaptureDb(`r-${crypto.randomUUID()}`);
    const reply = await routerWith(db)({ type: 'capture/save', payload: { mention, review } }, own);
    expect(reply.ok).toBe(true);
    expect(await db.cases.count()).toBe(1);
  });

  it.each([
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzz/popup.html' }],
    ['a web page posing as the extension', { id: ID, url: 'https://evil.example/' }],
    ['no sender id', { url: `${ORIGIN}popup.html` }],
  ])('refuses %s and changes nothing', async (_n, sender) => {
    const db = new CaptureDb(`r-${crypto.randomUUID()}`);
    const reply = await routerWith(db)({ type: 'capture/save', payload: { mention, review } }, sender);
    expect(reply).toEqual({ ok: false, error: { code: 'refused_sender', params: {} } });
    expect(await db.cases.count()).toBe(0);
  });

  it.each([
    ['not an object', 'capture/save'],
    ['an unknown type', { type: 'db/drop', payload: {} }],
    [
      'a javascript: permalink',
      { type: 'capture/save', payload: { mention: { ...mention, url: 'javascript:alert(1)' }, review } },
    ],
    ['a missing field', { type: 'capture/save', payload: { mention: { ...mention, text: undefined }, review } }],
    ['a wrong enum', { type: 'capture/save', payload: { mention, review: { ...review, severity: 'urgent' } } }],
    ['a prototype-polluting payload', JSON.parse('{"type":"capture/save","payload":{"__proto__":{"ok":true}}}')],
  ])('answers %s with an error and changes nothing', async (_n, message) => {
    const db = new CaptureDb(`r-${crypto.randomUUID()}`);
    const reply = await routerWith(db)(message, own);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(['unknown_message', 'invalid_field']).toContain(reply.error.code);
    expect(await db.cases.count()).toBe(0);
  });

  it('names the field to fix when a request fails its schema', async () => {
    const db = new CaptureDb(`r-${crypto.randomUUID()}`);
    const reply = await routerWith(db)(
      { type: 'capture/save', payload: { mention: { ...mention, url: 'javascript:alert(1)' }, review } },
      own,
    );
    expect(reply).toEqual({ ok: false, error: { code: 'invalid_field', params: { field: 'mention.url' } } });
  });

  it('turns a full disk into a problem code the agent’s page words', async () => {
    const db = new CaptureDb(`r-${crypto.randomUUID()}`);
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const reply = await routerWith(db, {
      'capture/save': async () => {
        throw quota;
      },
    })({ type: 'capture/save', payload: { mention, review } }, own);
    expect(reply).toEqual({ ok: false, error: { code: 'storage_full', params: {} } });
  });
});

// The markers content script uses the same router, with its own map and its own sender check.
describe('message router, markers channel', () => {
  const contentScript: SenderInfo = { id: ID, url: 'https://blog.example/post', tab: { id: 7 } };
  const lookup = { type: 'markers/lookup', payload: { keys: ['blog.example/post#comment-1'] } };

  it('answers this extension’s content script, and gives the handler its tab', async () => {
    const route = routerWith(new CaptureDb(`r-${crypto.randomUUID()}`));
    expect(await route(lookup, contentScript)).toEqual({
      ok: true,
      value: { 'blog.example/post#comment-1': { caseId: 'c1', status: 'open' } },
    });
    expect(await route({ type: 'markers/open', payload: { caseId: 'c1' } }, contentScript)).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(opened.at(-1)).toBe(7);
  });

  it.each([
    ['another extension’s content script', { ...contentScript, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['an extension page', own],
    ['an extension page in a tab', { ...own, tab: { id: 3 } }],
    ['a sender without a tab', { id: ID, url: 'https://blog.example/post' }],
  ])('refuses %s', async (_n, sender) => {
    const route = routerWith(new CaptureDb(`r-${crypto.randomUUID()}`));
    expect(await route(lookup, sender)).toEqual({ ok: false, error: { code: 'refused_sender', params: {} } });
  });

  it('refuses the pages’ messages from a content script, and checks marker requests', async () => {
    const db = new CaptureDb(`r-${crypto.randomUUID()}`);
    const route = routerWith(db);
    expect(await route({ type: 'capture/save', payload: { mention, review } }, contentScript)).toEqual({
      ok: false,
      error: { code: 'refused_sender', params: {} },
    });
    expect(await db.cases.count()).toBe(0);
    const tooMany = { type: 'markers/lookup', payload: { keys: Array.from({ length: 501 }, (_, i) => `k${i}`) } };
    expect(await route(tooMany, contentScript)).toEqual({
      ok: false,
      error: { code: 'invalid_field', params: { field: 'keys' } },
    });
    expect(await route({ type: 'toString', payload: {} }, contentScript)).toEqual({
      ok: false,
      error: { code: 'unknown_message', params: {} },
    });
  });
});
