import { readFileSync } from 'node:fs';
import { test, expect, eventually, runsIn } from './driver';
import { expectAccessible, linkedCards, openPanel, openPopup, reportViaMenu, save } from './steps';

const nl = JSON.parse(readFileSync('public/_locales/nl/messages.json', 'utf8')) as Record<string, { message: string }>;
const msg = (key: string) => nl[key]!.message;

// The UI follows the browser's language; Dutch ships beside English. Every view passes axe.
test(
  'the popup, the duplicate view, the side panel and the options page speak Dutch in a Dutch browser',
  runsIn('chromium', 'firefox'),
  async ({ launch, pages }) => {
    const driver = await launch('nl');
    const { tabId } = await driver.openTab(`${pages.origin}/blog-post.html`);

    const popup = await openPopup(driver, tabId);
    expect(await popup.text('h1')).toBe(msg('reviewTitle'));
    expect(await popup.text('button[type=submit]')).toBe(msg('save'));
    expect(await popup.attribute('html', 'lang')).toBe('nl');
    await expectAccessible(popup);
    await save(popup);
    expect(await popup.text('[data-testid=saved]')).toBe(msg('saved'));

    const again = await reportViaMenu(driver, tabId);
    await eventually(() => again.text('h1')).toBe(msg('duplicateTitle'));
    await expectAccessible(again);

    const panel = await openPanel(driver, tabId);
    await eventually(() => panel.text(`${linkedCards} [data-testid=status]`)).toBe(msg('status_new'));
    expect(await panel.texts('h2')).toEqual(expect.arrayContaining([msg('linkedTitle'), msg('dataTitle')]));
    await expectAccessible(panel);

    const options = await driver.openExtensionPage('options.html');
    await eventually(() => options.text('h1')).toBe(msg('options_title'));
    await options.select('select[name=backend]', 'http');
    await eventually(() => options.count('input[name=backendUrl]')).toBe(1);
    await expectAccessible(options);
  },
);
