import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startOpening } from '../../components/popup/opening';
import { EARLY_OPEN_KEY } from '../../capture/popup-opening';
import { mention } from '../helpers';

vi.stubGlobal('__E2E__', false);
afterEach(() => void vi.restoreAllMocks());

describe('the popup’s first request', () => {
  it('takes the read the background finished for this very popup from storage, without a message', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const opened = { mention: mention({ url: 'https://x.com/a/status/5' }), readError: null, duplicate: null };
    await fakeBrowser.storage.session.set({ [EARLY_OPEN_KEY]: { tabId: 5, at: performance.timeOrigin + 3, opened } });
    const got = await startOpening('?review=5');
    expect((await got.opened)?.mention?.url).toBe('https://x.com/a/status/5');
    expect(send).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get(EARLY_OPEN_KEY)).toEqual({});
  });

  it('leaves a read made for an earlier popup or another tab, and asks', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, value: { mention: mention(), readError: null, duplicate: null } } as never);
    const opened = { mention: mention({ url: 'https://x.com/a/status/5' }), readError: null, duplicate: null };
    await fakeBrowser.storage.session.set({
      [EARLY_OPEN_KEY]: { tabId: 5, at: performance.timeOrigin - 5_000, opened },
    });
    expect((await (await startOpening('?review=5')).opened)?.mention?.url).toBe(mention().url);
    await fakeBrowser.storage.session.set({ [EARLY_OPEN_KEY]: { tabId: 6, at: performance.timeOrigin + 3, opened } });
    expect((await (await startOpening('?review=5')).opened)?.mention?.url).toBe(mention().url);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('asks for the tab the address names, else for the active tab, and for none without one', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, value: { mention: mention(), readError: null, duplicate: null } } as never);
    const named = await startOpening('?review=4');
    expect(named.tabId).toBe(4);
    expect((await named.opened)?.mention?.url).toBe(mention().url);
    expect(send).toHaveBeenCalledWith({ type: 'capture/open', payload: { tabId: 4, fresh: false } });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9 } as never]);
    expect((await startOpening('')).tabId).toBe(9);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    expect(await startOpening('')).toEqual({ tabId: null, opened: null });
    expect(send).toHaveBeenCalledTimes(2);
  });
});
