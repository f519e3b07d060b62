import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEarlyOpen, takeEarlyOpen } from '../../background/early-open';
import { createHandlers } from '../../background/handlers';
import { trackPendingCapture } from '../../background/pending-capture';
import { EARLY_OPEN_KEY } from '../../capture/popup-opening';
import type { ResponseOf } from '../../messaging/protocol';
import { freshDb, mention } from '../helpers';
import { offlineTeam } from './team-fixtures';

type Opened = ResponseOf<'capture/open'>;
const POPUP = 'chrome-extension://abc/popup.html';
const opened = (url: string): Opened => ({
  mention: mention({ url }),
  readError: null,
  duplicate: null,
  team: { state: 'off' },
  brandAccount: null,
  owners: {},
});

// The production build: no `?tabId=` in the popup's address (that is the e2e build's).
vi.stubGlobal('__E2E__', false);
afterEach(() => void vi.restoreAllMocks());

/** Counts reads and answers each with a mention of the tab it read. */
function reader() {
  const reads: number[] = [];
  const open = async (tabId: number) => {
    reads.push(tabId);
    return opened(`https://x.com/a/status/${tabId}`);
  };
  return { reads, open };
}

describe('the popup read started when popup.html is requested', () => {
  it('reads the active tab of the window the popup opens in, and the popup takes that read once', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    const { reads, open } = reader();
    startEarlyOpen(POPUP, open, 1000);
    expect((await takeEarlyOpen(7, 1100))?.mention?.url).toBe('https://x.com/a/status/7');
    expect(reads).toEqual([7]);
    expect(await takeEarlyOpen(7, 1200)).toBeNull();
  });

  it('reads the tab the address names (the context menu’s window), unless that tab has a capture pending', async () => {
    const { reads, open } = reader();
    startEarlyOpen(`${POPUP}?review=12`, open, 0);
    expect((await takeEarlyOpen(12, 10))?.mention?.url).toBe('https://x.com/a/status/12');
    await trackPendingCapture(13, Promise.resolve({ mention: mention(), readError: null }));
    startEarlyOpen(`${POPUP}?review=13`, open, 0);
    expect(await takeEarlyOpen(13, 10)).toBeNull();
    expect(reads).toEqual([12]);
  });

  it('waits in storage.session for the popup once done, until capture/open takes it', async () => {
    const { open } = reader();
    startEarlyOpen(`${POPUP}?review=8`, open, 500);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.session.get(EARLY_OPEN_KEY))[EARLY_OPEN_KEY]).toMatchObject({
        tabId: 8,
        at: 500,
        opened: { mention: { url: 'https://x.com/a/status/8' } },
      }),
    );
    expect(await takeEarlyOpen(8, 600)).not.toBeNull();
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get(EARLY_OPEN_KEY)).toEqual({}));
  });

  it('is not used for another tab, nor when it is older than the popup could be', async () => {
    const { open } = reader();
    startEarlyOpen(`${POPUP}?review=5`, open, 0);
    expect(await takeEarlyOpen(6, 10)).toBeNull();
    startEarlyOpen(`${POPUP}?review=5`, open, 0);
    expect(await takeEarlyOpen(5, 60_000)).toBeNull();
  });

  it('capture/open answers with it instead of reading the tab again; fresh reads again', async () => {
    const db = freshDb();
    const h = createHandlers(db, offlineTeam(db));
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 21, url: 'https://x.com/b/status/2' } as never);
    const inject = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([
        { frameId: 0, documentId: 'd', result: { ok: true, mention: mention({ url: 'https://x.com/b/status/2' }) } },
      ] as never);
    startEarlyOpen(`${POPUP}?review=21`, async () => opened('https://x.com/early/status/1'), Date.now());
    expect((await h['capture/open']({ tabId: 21 })).mention?.url).toBe('https://x.com/early/status/1');
    expect(inject).not.toHaveBeenCalled();
    startEarlyOpen(`${POPUP}?review=21`, async () => opened('https://x.com/early/status/1'), Date.now());
    expect((await h['capture/open']({ tabId: 21, fresh: true })).mention?.url).toBe('https://x.com/b/status/2');
    expect(inject).toHaveBeenCalledTimes(1);
  });
});
