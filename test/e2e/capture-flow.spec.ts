import { test, expect, openTab } from './fixtures';
import { runsIn } from './driver';

// Toolbar capture → local store → side panel, surviving a browser restart.
test(
  'captures a blog post through the popup, lists it in the side panel, and keeps it after a restart',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage, restart }) => {
    const pageUrl = `${pages.origin}/blog-post.html`;
    const { tabId } = await openTab(context, pageUrl);

    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    const text = popup.locator('textarea[name=text]');
    await expect(text).toHaveValue(/Al drie weken heb ik geen internet/);
    await expect(popup.locator('input[name=authorName]')).toHaveValue('Anouk de Vries');
    await expect(popup.locator('input[name=language]')).toHaveValue('nl');
    await expect(popup.locator('input[name=publishedAt]')).toHaveValue('2026-11-20T07:30:00.000Z');
    await expect(popup.locator('input[name=url]')).toHaveValue(pageUrl);

    await popup.selectOption('select[name=category]', 'outage');
    await popup.selectOption('select[name=severity]', 'high');
    await popup.fill('textarea[name=note]', 'Works from home; third call this week');
    await popup.click('button[type=submit]');
    await expect(popup.getByTestId('saved')).toBeVisible();

    const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const linked = panel.getByTestId('linked').getByTestId('case');
    await expect(linked).toHaveCount(1);
    await expect(linked.getByTestId('mention-text')).toContainText('niemand van de klantenservice belt terug');
    await expect(linked.getByTestId('sync')).toHaveText('local');

    // Capturing the same post again shows its case (no duplicates); the note added there
    // shows in the panel at once (liveQuery over the background's writes).
    await popup.getByRole('button', { name: 'Capture again' }).click();
    await expect(popup.getByTestId('duplicate')).toBeVisible();
    await popup.fill('textarea[name=note]', 'Second call today');
    await popup.getByRole('button', { name: 'Add note' }).click();
    await expect(linked).toHaveCount(1);
    await expect(linked.locator('summary')).toContainText('(3)');

    const reopened = await restart();
    const { tabId: tab2 } = await openTab(reopened, pageUrl);
    const id = new URL((reopened.serviceWorkers()[0] ?? (await reopened.waitForEvent('serviceworker'))).url()).host;
    const panel2 = await reopened.newPage();
    await panel2.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tab2}`);
    await expect(panel2.getByTestId('linked').getByTestId('case')).toHaveCount(1);
    await expect(panel2.getByTestId('linked').getByTestId('mention-text').first()).toContainText('klantenservice');
  },
);

// A save the background refuses keeps everything the agent typed, with a clear error.
test(
  'a refused save keeps the form and says why; fixing the field saves',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage }) => {
    const pageUrl = `${pages.origin}/blog-post.html`;
    const { tabId } = await openTab(context, pageUrl);
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect(popup.locator('textarea[name=text]')).toHaveValue(/Al drie weken/);
    await popup.fill('textarea[name=note]', 'Called twice, no answer');
    await popup.fill('input[name=url]', 'javascript:alert(1)');
    await popup.click('button[type=submit]');
    await expect(popup.getByRole('alert')).toContainText(/Not saved: .*url.*http\(s\) URL/);
    await expect(popup.locator('textarea[name=note]')).toHaveValue('Called twice, no answer');
    await expect(popup.locator('textarea[name=text]')).toHaveValue(/Al drie weken/);
    await popup.fill('input[name=url]', pageUrl);
    await popup.click('button[type=submit]');
    await expect(popup.getByTestId('saved')).toBeVisible();
  },
);
