import { readFileSync } from 'node:fs';
import { test, expect, eventually, runsIn, type E2EPage } from './driver';
import { expectAccessible, linkedCards, openPanel, openPopup, reportViaMenu, save } from './steps';
import { seedRows, seedSettings, teamSettings, workbenchRows } from './seed';

type Catalogue = Record<string, { message: string }>;
const load = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Catalogue;
const en = load('en');
const nl = load('nl');
const msg = (key: string) => nl[key]!.message;
const DM_URL = 'https://x.com/i/chat/1461234567890123456-1598765432109876543';
const DM_PAGE = readFileSync('test/fixtures/pages/x-dm/chat-conversation.html', 'utf8');

const wordsOf = (s: string) => s.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
/** Words of the English catalogue that the Dutch one never uses: any of them in a Dutch view is English left over. */
const ENGLISH = (() => {
  const dutch = new Set(Object.values(nl).flatMap((m) => wordsOf(m.message)));
  return new Set(
    Object.values(en)
      .flatMap((m) => wordsOf(m.message))
      .filter((w) => !dutch.has(w)),
  );
})();

/** Every English catalogue word the page shows: its text, its options, and the names and hints of its controls. */
async function englishOn(page: E2EPage): Promise<string[]> {
  const text = await page.evaluate(() => {
    const parts = [document.body.innerText, document.title];
    for (const el of document.querySelectorAll('option, [placeholder], [aria-label], [title], summary'))
      parts.push(
        el.textContent ?? '',
        el.getAttribute('placeholder') ?? '',
        el.getAttribute('aria-label') ?? '',
        el.getAttribute('title') ?? '',
      );
    return parts.join('\n');
  }, null);
  return [...new Set(wordsOf(text).filter((w) => ENGLISH.has(w)))];
}

// A Dutch browser gets the whole UI in Dutch: every view (the popup's review, its refusal, its
// confirmation, the duplicate view, the internal-page message, the side panel's queue and an open
// case with everything unfolded, the options page) shows no word of the English catalogue that
// the Dutch one does not use. Every view passes axe. Direct messages too: refused, and captured.
test('a Dutch run shows no English string on any view', runsIn('chromium'), async ({ launch, pages }) => {
  // Eight views, each read for English words and checked with axe: slow on a busy machine.
  test.setTimeout(300_000);
  const driver = await launch('nl');
  const pageUrl = `${pages.origin}/blog-post.html`;
  await seedSettings(driver, teamSettings('nl'));
  await seedRows(driver, workbenchRows(`${pages.origin}/blog-other.html`, 'nl'));
  const { tabId } = await driver.openTab(pageUrl);

  const popup = await openPopup(driver, tabId);
  expect(await popup.text('button[type=submit]')).toBe(msg('save'));
  expect(await popup.attribute('html', 'lang')).toBe('nl');
  await popup.click('details.read > summary');
  expect(await englishOn(popup)).toEqual([]);
  await expectAccessible(popup);
  // A refused save names the missing field in Dutch.
  await popup.click('button[type=submit]');
  await eventually(() => popup.text('[data-testid=save-problem]')).toBe(msg('missingSeverity'));
  expect(await englishOn(popup)).toEqual([]);
  await save(popup);
  expect(await popup.text('[data-testid=saved]')).toBe(msg('saved'));
  expect(await englishOn(popup)).toEqual([]);

  const again = await reportViaMenu(driver, tabId);
  await eventually(() => again.text('h1')).toBe(msg('duplicateTitle'));
  expect(await englishOn(again)).toEqual([]);
  await expectAccessible(again);

  const { tabId: blank } = await driver.openTab('about:blank');
  const refused = await driver.openExtensionPage(`popup.html?tabId=${blank}`);
  await eventually(() => refused.text('h1')).toBe(msg('problem_pageInternal'));
  expect(await englishOn(refused)).toEqual([]);

  // A direct message: refused while the switch is off, then the private capture once it is on.
  const { tabId: chat } = await driver.openTab(DM_URL, DM_PAGE);
  const dmOff = await driver.openExtensionPage(`popup.html?tabId=${chat}`);
  await eventually(() => dmOff.text('h1')).toBe(msg('dm_offTitle'));
  expect(await englishOn(dmOff)).toEqual([]);
  await expectAccessible(dmOff);
  await seedSettings(driver, { ...teamSettings('nl'), dmCapture: true });
  const dm = await driver.openExtensionPage(`popup.html?tabId=${chat}`);
  await eventually(() => dm.text('[data-testid=dm-private]')).toBe(msg('dm_private'));
  await dm.click('details.read > summary');
  expect(await englishOn(dm)).toEqual([]);
  await expectAccessible(dm);

  const panel = await openPanel(driver, tabId);
  await eventually(() => panel.text(`${linkedCards} [data-testid=status]`)).toBe(msg('status_new'));
  await panel.click('[data-testid=view-all]');
  await eventually(() => panel.count('[data-testid=queue] [data-testid=case-row]')).toBeGreaterThan(5);
  expect(await englishOn(panel)).toEqual([]);
  await expectAccessible(panel);
  // Open cases with every fold unfolded: the page's own, the one waiting to sync, the refused one.
  for (const row of [
    '[data-testid=pinned] [data-testid=case-row]',
    '[data-testid=queue] li:has([data-state=queued])',
    '[data-testid=queue] li:has([data-state=failed])',
  ]) {
    await panel.click(`${row} .qrow-head`);
    await eventually(() => panel.count('[data-testid=case-detail]')).toBe(1);
    await panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)), null);
    expect(await englishOn(panel), row).toEqual([]);
    await expectAccessible(panel);
    await panel.click(`${row} .qrow-head`);
  }

  const options = await driver.openExtensionPage('options.html');
  await eventually(() => options.count('form.workbench')).toBe(1);
  expect(await options.text('h1')).toBe(msg('options_title'));
  await options.select('select[name=backend]', 'http');
  await eventually(() => options.count('input[name=backendUrl]')).toBe(1);
  expect(await englishOn(options)).toEqual([]);
  await expectAccessible(options);
});
