import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, launchBrowser, extensionIdOf, openTab } from './fixtures';
import { expectAccessible, reportViaMenu } from './workflow';

const nl = JSON.parse(readFileSync('public/_locales/nl/messages.json', 'utf8')) as Record<string, { message: string }>;
const msg = (key: string) => nl[key]!.message;

// Issue 5: the UI follows the browser language; Dutch ships beside English. Every view passes axe.
test('the popup, the duplicate view and the side panel speak Dutch in a Dutch browser', async ({ pages }) => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-nl-'));
  const context = await launchBrowser(dir, 'nl');
  try {
    const id = await extensionIdOf(context);
    const pageUrl = `${pages.origin}/blog-post.html`;
    const { tabId } = await openTab(context, pageUrl);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText(msg('reviewTitle'));
    await expect(popup.locator('button[type=submit]')).toHaveText(msg('save'));
    await expect(popup.locator('html')).toHaveAttribute('lang', 'nl');
    await expectAccessible(popup);
    await popup.click('button[type=submit]');
    await expect(popup.getByTestId('saved')).toHaveText(msg('saved'));

    const again = await reportViaMenu(context, tabId);
    await expect(again.getByRole('heading', { level: 1 })).toHaveText(msg('duplicateTitle'));
    await expectAccessible(again);

    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tabId}`);
    await expect(panel.getByRole('heading', { name: msg('linkedTitle') })).toBeVisible();
    await expect(panel.getByTestId('linked').getByTestId('status')).toHaveText(msg('status_new'));
    await expect(panel.getByRole('heading', { name: msg('dataTitle') })).toBeVisible();
    await expectAccessible(panel);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
