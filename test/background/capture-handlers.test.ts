import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../background/handlers';
import { trackPendingCapture } from '../../background/pending-capture';
import { offlineTeam } from './team-fixtures';
import { TeamService } from '../../background/team-service';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { freshDb, mention, review } from '../helpers';

beforeEach(() => fakeBrowser.reset());

// The background refuses a second case for a stored post even if a page skips the check.
/** Handlers with the team off (no backend): local cases are all there is. */
function handlersOf(db: ReturnType<typeof freshDb>, settings = async () => DEFAULT_SETTINGS) {
  return createHandlers(
    db,
    new TeamService({ db, backend: async () => ({ problem: null }), settings, requestSync: () => {} }),
  );
}

describe('capture handlers', () => {
  it('open finds the duplicate, author-cases the author’s cases; save of a duplicate adds the note to the existing case', async () => {
    const db = freshDb();
    // No backend: the team is off and local cases are all there is.
    const h = createHandlers(db, offlineTeam(db));
    const { caseId } = await h['capture/save']({ mention: mention(), review });
    // The popup opens on the pending capture the context menu made for tab 11 (no page to read here).
    const again = mention({ url: 'https://twitter.com/MarloesDV/status/1790000000000000001?s=20' });
    await trackPendingCapture(11, Promise.resolve({ mention: again, readError: null }));
    const opened = await h['capture/open']({ tabId: 11 });
    expect(opened.mention?.url).toBe(again.url);
    expect(opened.duplicate?.id).toBe(caseId);
    expect(opened.team).toEqual({ state: 'off' });
    const other = mention({ url: 'https://x.com/marloesdv/status/2', postId: '2' });
    await trackPendingCapture(12, Promise.resolve({ mention: other, readError: null }));
    expect((await h['capture/open']({ tabId: 12 })).duplicate).toBeNull();
    expect((await h['capture/author-cases']({ mention: other })).cases.map((c) => c.id)).toEqual([caseId]);
    expect((await h['capture/save']({ mention: again, review: { ...review, note: 'second sighting' } })).caseId).toBe(
      caseId,
    );
    expect(await db.cases.count()).toBe(1);
    expect((await db.cases.get(caseId))?.log.at(-1)?.text).toBe('second sighting');
    await h['capture/attach']({ mention: other, caseId, note: '' });
    expect((await db.cases.get(caseId))?.mentionIds).toHaveLength(2);
  });
});

describe('what may become a case', () => {
  it('refuses a capture without text, naming the field, and stores nothing', async () => {
    const db = freshDb();
    const h = handlersOf(db);
    for (const text of ['', '   ', 'Loading…'])
      await expect(h['capture/save']({ mention: mention({ text }), review })).rejects.toMatchObject({
        code: 'text_missing',
        params: { field: 'mention.text' },
      });
    expect(await db.cases.count()).toBe(0);
  });

  it('never offers or saves a post by the brand’s own account, and gives each category’s default owner', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        ...DEFAULT_SETTINGS,
        brandAccounts: [{ platform: 'x', handle: 'ZiggoWebcare' }],
        protocols: { outage: { text: 'Check the outage map first', owner: 'Team Netwerk' } },
      },
      settings$: { v: 3 },
    });
    const db = freshDb();
    const h = handlersOf(db);
    const brand = mention({
      url: 'https://x.com/ZiggoWebcare/status/5',
      postId: '5',
      author: { name: 'Ziggo', handle: 'ziggowebcare', profileUrl: null, followers: 1 },
    });
    await trackPendingCapture(21, Promise.resolve({ mention: brand, readError: null }));
    const opened = await h['capture/open']({ tabId: 21 });
    expect(opened.brandAccount).toBe('ZiggoWebcare');
    expect(opened.owners).toEqual({ outage: 'Team Netwerk' });
    await expect(h['capture/save']({ mention: brand, review })).rejects.toMatchObject({ code: 'brand_account' });
    expect(await db.cases.count()).toBe(0);
  });
});
