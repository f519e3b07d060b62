import { test, expect, eventually, runsIn } from './driver';
import { startBackend } from './backend';
import { connectBackend, expectAccessible, openPanel, openPopup, openRow, save, syncStates } from './steps';

// Sync state where the agent looks: with the backend down, the popup says at save time that the
// case is kept and retried, why, and when; the queued case says the same in the side panel. A
// case the backend refused shows the backend's message and a Retry on the case itself.

test(
  'with the backend down, saving says the case is kept and retried, and why; the case says when',
  runsIn('chromium'),
  async ({ driver, pages }) => {
    // A loopback port nothing listens on: every push fails with a network error.
    const down = await startBackend();
    const url = down.url;
    await down.stop();
    await connectBackend(driver, { url, token: 'any-token' }, 'Sanne');
    const { tabId } = await driver.openTab(`${pages.origin}/blog-post.html`);
    const popup = await openPopup(driver, tabId);
    await save(popup);
    // A batch that never went out is a network error; a single create without an answer may have
    // arrived, so it is looked up before it is sent again. Either way the agent is told why.
    const why =
      /^The case backend (can’t be reached \(network error\)|did not answer \(it may be down or unreachable\); the case is looked up there before it is sent again)\.$/;
    await eventually(() => popup.text('[data-testid=saved-problem]')).toMatch(why);
    expect(await popup.text('[data-testid=saved-sync]')).toMatch(
      /^The backend can’t take it right now\. The case is kept in this browser and will be sent again at \d{1,2}:\d\d( [AP]M)?\.$/,
    );

    const panel = await openPanel(driver, tabId);
    await eventually(() => syncStates(panel)).toEqual(['queued']);
    await openRow(panel);
    await eventually(() => panel.text('[data-testid=sync-reason]')).toMatch(why);
    expect(await panel.text('[data-testid=next-try]')).toMatch(/next try at \d{1,2}:\d\d/);
  },
);

test(
  'a case the backend refused shows its message and a Retry on the case, which sends it once fixed',
  runsIn('chromium'),
  async ({ driver, pages }) => {
    const backend = await startBackend();
    try {
      const options = await connectBackend(driver, { url: backend.url, token: 'wrong-token' }, 'Sanne');
      const { tabId } = await driver.openTab(`${pages.origin}/blog-post.html`);
      await save(await openPopup(driver, tabId));
      const panel = await openPanel(driver, tabId);
      await eventually(() => syncStates(panel), 30_000).toEqual(['failed']);
      await openRow(panel);
      await eventually(() => panel.text('[data-testid=sync-reason]')).toBe(
        'The case backend refused it (HTTP 401): “Missing or wrong bearer token”',
      );
      await expectAccessible(panel);

      // The agent fixes the token in the options, then retries this case where it is.
      await options.fill('input[name=token]', backend.token);
      await options.clickButton('Save');
      await eventually(() => options.text('[data-testid=options-message]')).toBe('Saved.');
      await panel.clickButton('Retry');
      await eventually(() => syncStates(panel), 30_000).toEqual(['sent']);
      expect((await backend.stats()).cases).toBe(1);
      expect(await panel.texts('[data-testid=ticket-link]')).toEqual(['Open in the case backend']);
    } finally {
      await backend.stop();
    }
  },
);
