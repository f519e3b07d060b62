import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureTab, withLanguage } from '../../background/capture-tab';
import { mention } from '../helpers';

const DUTCH = 'Al drie weken heb ik geen internet en niemand van de klantenservice belt terug.';

/** Records what each executeScript call injects; capture.js "returns" `result`. */
function fakeInjection(result: unknown): string[] {
  const injected: string[] = [];
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: { files?: string[] }) => {
    injected.push(injection.files?.join() ?? 'options');
    return [{ frameId: 0, documentId: 'd', result: injection.files ? result : undefined }];
  }) as never);
  return injected;
}

/** A tab showing `url`, as the fake browser keeps it. */
async function tabAt(url: string, title = 'A page'): Promise<number> {
  return (await fakeBrowser.tabs.create({ url, title } as never)).id!;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => void vi.restoreAllMocks());

describe('captureTab', () => {
  it('injects capture.js alone when there are no options (the popup), the options first otherwise', async () => {
    const injected = fakeInjection({ ok: true, mention: mention() });
    const tab = await tabAt('https://x.com/marloesdv/status/1');
    await captureTab(tab, {});
    expect(injected).toEqual(['/capture.js']);
    await captureTab(tab, { useSelection: false, inView: true });
    expect(injected).toEqual(['/capture.js', 'options', '/capture.js']);
  });

  it('detects the language in the background when the page declared none', async () => {
    fakeInjection({ ok: true, mention: mention({ language: null, text: DUTCH }) });
    const { mention: m, readError } = await captureTab(await tabAt('https://x.com/a/status/1'), {});
    expect(readError).toBeNull();
    expect(m?.language).toBe('nl');
  });

  it.each([
    'chrome://settings/',
    'about:blank',
    'chrome-extension://abcdefghijklmnop/popup.html',
    'moz-extension://1234/popup.html',
    'edge://newtab/',
    'view-source:https://example.org/',
    'https://chromewebstore.google.com/detail/x/abc',
    'https://chrome.google.com/webstore/detail/abc',
    'https://addons.mozilla.org/nl/firefox/addon/x/',
  ])('refuses %s without injecting or inventing a permalink', async (url) => {
    const injected = fakeInjection({ ok: true, mention: mention() });
    expect(await captureTab(await tabAt(url), {})).toEqual({
      mention: null,
      readError: { code: 'page_internal', params: {} },
    });
    expect(injected).toEqual([]);
  });

  it('a web page that cannot be read keeps its real address and title, with no text', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    const { mention: m, readError } = await captureTab(await tabAt('https://example.org/report.pdf', 'Report'), {});
    expect(readError).toEqual({ code: 'page_unreadable', params: {} });
    expect(m).toMatchObject({ url: 'https://example.org/report.pdf', text: '' });
    expect(JSON.stringify(m)).not.toContain('.invalid');
  });
});

// The page reports only declared languages (no tinyld in /capture.js); the background detects the rest.
describe('language of a capture', () => {
  it('keeps the language the page declared and detects it from the text otherwise', () => {
    expect(withLanguage(mention({ language: 'de', text: DUTCH })).language).toBe('de');
    expect(withLanguage(mention({ language: null, text: DUTCH })).language).toBe('nl');
    expect(withLanguage(mention({ language: null, text: 'kort' })).language).toBeNull();
  });
});
