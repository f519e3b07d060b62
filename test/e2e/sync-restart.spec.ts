import { test, expect, eventually, runsIn, type BrowserDriver } from './driver';
import { startBackend, type Backend } from './backend';
import { connectBackend, linkedCards, openPanel, openPopup, rows, save, syncStates } from './steps';

let backend: Backend;
test.beforeAll(async () => {
  backend = await startBackend();
});
test.afterAll(async () => backend?.stop());

/** How the reference backend lists a case's page (its URL key: no scheme). */
const keyOf = (url: string) => url.replace(/^https?:\/\//, '');

/** Whether the "Report as complaint" item exists now (updating a missing item fails). */
const menuRegistered = (driver: BrowserDriver) =>
  driver.background(
    (g) =>
      g.__cc.menus.update(g.__cc.MENU_ID, {}).then(
        () => true,
        () => false,
      ),
    null,
  );

// The options page connects the reference backend; a capture reaches it; after a restart of the
// browser on the same profile nothing is lost: cases, settings, credentials, the origin's
// permission, and the context menu (which a Firefox MV2 background page must make again).
test(
  'syncs to the reference backend and loses nothing across a browser restart',
  runsIn('chromium', 'firefox'),
  async ({ driver, pages }) => {
    await connectBackend(driver, backend, 'Sanne');
    const first = `${pages.origin}/blog-post.html`;
    const { tabId } = await driver.openTab(first);
    await save(await openPopup(driver, tabId));
    await eventually(async () => (await backend.stats(true)).urls).toContain(keyOf(first));
    const panel = await openPanel(driver, tabId);
    await eventually(() => syncStates(panel)).toEqual(['sent']);
    expect(await menuRegistered(driver)).toBe(true);

    await driver.restart();

    await eventually(() => menuRegistered(driver)).toBe(true);
    const cases = await rows<{ syncState: string; mentionIds: string[] }>(driver, 'cases');
    expect(cases.map((c) => c.syncState)).toEqual(['sent']);
    const options = await driver.openExtensionPage('options.html');
    await eventually(() => options.value('input[name=agentName]')).toBe('Sanne');
    expect(await options.value('input[name=backendUrl]')).toBe(backend.url);
    expect(await options.attribute('input[name=token]', 'placeholder')).toBe(
      `Saved (••••${backend.token.slice(-4)}); leave empty to keep`,
    );

    // Credentials and the origin's permission came through too: a capture now still reaches the backend.
    const second = `${pages.origin}/blog-other.html`;
    const { tabId: tab2 } = await driver.openTab(second);
    await save(await openPopup(driver, tab2));
    await eventually(async () => (await backend.stats(true)).urls).toContain(keyOf(second));
    const panel2 = await openPanel(driver, tab2);
    await eventually(() => panel2.count(linkedCards)).toBeGreaterThanOrEqual(1);
    await eventually(() => syncStates(panel2)).toContain('sent');
  },
);
