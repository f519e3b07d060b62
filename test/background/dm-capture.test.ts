import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureTab } from '../../background/capture-tab';
import { createCaptureHandlers } from '../../background/capture-handlers';
import { TeamService } from '../../background/team-service';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { createDmSettingsHandlers } from '../../background/dm-settings-handlers';
import { createSyncHandlers } from '../../background/sync-handlers';
import { protocol } from '../../messaging/protocol';
import { readSettings, settingsItem } from '../../storage/settings';
import { freshDb, mention, review } from '../helpers';

const CONVERSATION = 'https://x.com/i/chat/1461234567890123456-1598765432109876543';
const customer = { name: 'Marloes K.', handle: 'marloes_k', profileUrl: 'https://x.com/marloes_k', followers: null };
const dm = (id: string | null, text: string, at: string) =>
  mention({
    kind: 'dm',
    url: CONVERSATION,
    postId: id,
    author: customer,
    text,
    publishedAt: at,
    metrics: { views: null, likes: null, reposts: null, replies: null },
  });

/** What each executeScript call passed (the options global) and what capture.js returns. */
function fakeInjection(result: unknown): unknown[] {
  const options: unknown[] = [];
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: {
    files?: string[];
    args?: unknown[];
  }) => {
    if (!injection.files) options.push(injection.args?.[0]);
    return [{ frameId: 0, documentId: 'd', result: injection.files ? result : undefined }];
  }) as never);
  return options;
}

afterEach(() => void vi.restoreAllMocks());

/** A tab showing the conversation (its title names the person, as X's does). */
const conversationTab = async () =>
  (await fakeBrowser.tabs.create({ url: CONVERSATION, title: 'Marloes K. / X' } as never)).id!;

/** No backend: the team is off, this browser's cases are all there is. */
const offTeam = (db: ReturnType<typeof freshDb>) =>
  new TeamService({
    db,
    backend: async () => ({ problem: null }),
    settings: async () => DEFAULT_SETTINGS,
    requestSync: () => {},
  });

describe('the switch for direct messages', () => {
  it('is off for settings stored before it existed (migration from version 1), and for new agents', async () => {
    await fakeBrowser.storage.local.set({
      settings: { agentName: 'Sanne', backend: 'none', backendUrl: '' },
      settings$: { v: 1 },
    });
    // The stored value itself is upgraded (not only read with a default).
    await settingsItem.migrate();
    // Version 4 (the evidence image, on) follows in the same upgrade.
    expect(await settingsItem.getValue()).toEqual({
      ...DEFAULT_SETTINGS,
      agentName: 'Sanne',
      dmCapture: false,
      evidence: true,
    });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 4 });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, agentName: 'Sanne', dmCapture: false, evidence: true });
    await fakeBrowser.storage.local.clear();
    expect((await readSettings()).dmCapture).toBe(false);
  });

  it('is saved on its own, and saving the backend form keeps it', async () => {
    const db = freshDb();
    await createDmSettingsHandlers()['settings/dm-capture']({ on: true });
    expect((await readSettings()).dmCapture).toBe(true);
    await createSyncHandlers(db)['settings/save']({
      settings: { agentName: 'Sanne', backend: 'none', backendUrl: '' },
      credentials: { token: '' },
    });
    expect(await readSettings()).toMatchObject({ agentName: 'Sanne', dmCapture: true });
    await createDmSettingsHandlers()['settings/dm-capture']({ on: false });
    expect((await settingsItem.getValue()).dmCapture).toBe(false);
  });

  it('lets the page read a conversation only when on: the capture script is told so', async () => {
    const options = fakeInjection({ ok: false, error: 'refused', url: CONVERSATION, title: '', refused: 'dm-off' });
    const tabId = await conversationTab();
    const off = await captureTab(tabId, {});
    // Refused as a problem the popup words: nothing read, not even the tab's title (it names the
    // person written with).
    expect(off).toEqual({ mention: null, readError: { code: 'dm_capture_off', params: {} } });
    expect(options).toEqual([]);
    await createDmSettingsHandlers()['settings/dm-capture']({ on: true });
    await captureTab(tabId, {});
    expect(options).toEqual([{ readPrivate: true }]);
  });
});

describe('storing a conversation capture', () => {
  const first = dm(
    '0b1e6c2a-7d4f-4a8e-9c3b-1f2e3d4c5b6a',
    'Hoi, mijn internet ligt eruit.',
    '2026-11-20T09:14:00.000Z',
  );
  const second = dm('1c2f7d3b-8e5a-4b9f-8d4c-2a3b4c5d6e7f', 'De monteur kwam niet.', '2026-11-20T09:16:00.000Z');
  const newest = dm('3e4b9f5d-a07c-4dbf-8f6e-4c5d6e7f8091', 'Hallo?? Nog steeds niks.', '2026-11-21T08:02:00.000Z');

  it('stores the range under one case, the reviewed message first; a later message of the conversation is not a duplicate', async () => {
    const db = freshDb();
    const h = createCaptureHandlers(db, offTeam(db));
    const { caseId, mentionId } = await h['capture/save']({ mention: second, review, also: [first] });
    const c = await db.cases.get(caseId);
    expect(c?.mentionIds[0]).toBe(mentionId);
    const stored = await db.mentions.bulkGet(c!.mentionIds);
    expect(stored.map((m) => [m?.kind, m?.text])).toEqual([
      ['dm', 'De monteur kwam niet.'],
      ['dm', 'Hoi, mijn internet ligt eruit.'],
    ]);
    // The same conversation's address, another message: a new capture, not "already stored".
    const again = await h['capture/save']({ mention: newest, review });
    expect(again.caseId).not.toBe(caseId);
    // The same message again: its case, no second one.
    expect((await h['capture/save']({ mention: second, review })).caseId).toBe(caseId);
  });

  it('tells a classic message (no id) by its time and text', async () => {
    const db = freshDb();
    const h = createCaptureHandlers(db, offTeam(db));
    const classic = dm(null, 'Klantnummer 4471209.', '2025-12-30T13:24:00.000Z');
    const { caseId } = await h['capture/save']({ mention: classic, review });
    expect((await h['capture/save']({ mention: { ...classic }, review })).caseId).toBe(caseId);
    const other = dm(null, 'En ik wil het geld terug.', '2025-12-30T13:25:00.000Z');
    expect((await h['capture/save']({ mention: other, review })).caseId).not.toBe(caseId);
  });

  it('attaches a range to the customer’s earlier case, leaving out messages it already holds', async () => {
    const db = freshDb();
    const h = createCaptureHandlers(db, offTeam(db));
    const { caseId } = await h['capture/save']({ mention: first, review });
    await h['capture/attach']({ mention: newest, caseId, note: '', also: [first, second] });
    const c = await db.cases.get(caseId);
    const texts = (await db.mentions.bulkGet(c!.mentionIds)).map((m) => m?.text);
    expect(texts).toEqual(['Hoi, mijn internet ligt eruit.', 'Hallo?? Nog steeds niks.', 'De monteur kwam niet.']);
    // Stored as a code with its data (worded when shown): two messages came together.
    expect(c?.log.at(-1)).toMatchObject({
      kind: 'mention',
      code: 'mention_added',
      params: { platform: 'x', url: CONVERSATION, messages: '2' },
    });
  });

  it('refuses anything but direct messages beside a capture', () => {
    const ok = protocol['capture/save'].request.safeParse({ mention: newest, review, also: [first] });
    expect(ok.success).toBe(true);
    const bad = protocol['capture/save'].request.safeParse({ mention: newest, review, also: [mention()] });
    expect(bad.success).toBe(false);
  });

  it('opens on the messages not stored yet, with the exchange kept on the newest', async () => {
    const db = freshDb();
    const h = createCaptureHandlers(db, offTeam(db));
    await h['capture/save']({ mention: first, review });
    const thread = { comments: [], found: 0, truncated: false };
    fakeInjection({
      ok: true,
      mention: { ...newest, thread },
      also: [first, second],
      dm: { requested: 3, customerLoaded: 3, pastLoaded: false },
    });
    const opened = await h['capture/open']({ tabId: await conversationTab(), dmLast: 3 });
    expect(opened.duplicate).toBeNull();
    expect(opened.mention?.text).toBe('Hallo?? Nog steeds niks.');
    expect(opened.also?.map((m) => m.text)).toEqual(['De monteur kwam niet.']);
    expect(opened.dm).toEqual({ requested: 3, customerLoaded: 3, pastLoaded: false });
  });
});
