import { afterEach, describe, expect, it, vi } from 'vitest';
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

afterEach(() => void vi.restoreAllMocks());

describe('captureTab', () => {
  it('injects capture.js alone when there are no options (the popup), the options first otherwise', async () => {
    const injected = fakeInjection({ ok: true, mention: mention() });
    await captureTab(1, {});
    expect(injected).toEqual(['/capture.js']);
    await captureTab(1, { useSelection: false, inView: true });
    expect(injected).toEqual(['/capture.js', 'options', '/capture.js']);
  });

  it('detects the language in the background when the page declared none', async () => {
    fakeInjection({ ok: true, mention: mention({ language: null, text: DUTCH }) });
    const { mention: m, readError } = await captureTab(1, {});
    expect(readError).toBeNull();
    expect(m.language).toBe('nl');
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
