import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { takeOpening, type Opening } from '../../components/popup/opening';
import { mention } from '../helpers';

vi.stubGlobal('__E2E__', false);
afterEach(() => {
  vi.restoreAllMocks();
  globalThis.__complaintCaptureOpening = undefined;
});

describe('the popup’s first request', () => {
  it('is the one the head script sent, taken once', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const early: Promise<Opening> = Promise.resolve({ tabId: 3, opened: null });
    globalThis.__complaintCaptureOpening = early;
    expect(takeOpening('')).toBe(early);
    expect(globalThis.__complaintCaptureOpening).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });

  it('is sent now, for the tab the address names or else the active tab, when the head script did not run', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, value: { mention: mention(), readError: null, duplicate: null } } as never);
    const named = await takeOpening('?review=4');
    expect(named.tabId).toBe(4);
    expect((await named.opened)?.mention.url).toBe(mention().url);
    expect(send).toHaveBeenCalledWith({ type: 'capture/open', payload: { tabId: 4, fresh: false } });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    expect(await takeOpening('')).toEqual({ tabId: null, opened: null });
  });
});
