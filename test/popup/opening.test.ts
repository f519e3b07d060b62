import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startOpening } from '../../components/popup/opening';
import { mention } from '../helpers';

vi.stubGlobal('__E2E__', false);
afterEach(() => void vi.restoreAllMocks());

describe('the popup’s first request', () => {
  it('asks for the tab the address names, else for the active tab, and for none without one', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, value: { mention: mention(), readError: null, duplicate: null } } as never);
    const named = await startOpening('?review=4');
    expect(named.tabId).toBe(4);
    expect((await named.opened)?.mention.url).toBe(mention().url);
    expect(send).toHaveBeenCalledWith({ type: 'capture/open', payload: { tabId: 4, fresh: false } });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9 } as never]);
    expect((await startOpening('')).tabId).toBe(9);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    expect(await startOpening('')).toEqual({ tabId: null, opened: null });
    expect(send).toHaveBeenCalledTimes(2);
  });
});
