import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, launchBrowser, extensionIdOf } from './fixtures';
import { expectAccessible } from './workflow';

const nl = JSON.parse(readFileSync('public/_locales/nl/messages.json', 'utf8')) as Record<string, { message: string }>;

// Issue 5: every view passes axe and works in Dutch — the options page included, with the backend
// form open (the fields an agent fills in) and a refused plain-http URL shown as an error.
test('the options page passes axe in English and Dutch, and refuses plain http outside loopback', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await options.selectOption('select[name=backend]', 'http');
  await expect(options.locator('input[name=backendUrl]')).toBeVisible();
  await expectAccessible(options);
  await options.fill('input[name=backendUrl]', 'http://cases.example.com');
  await options.fill('input[name=token]', 'secret-token-1234');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('options-message')).toContainText('must use https://');
  await expectAccessible(options);

  const dir = mkdtempSync(join(tmpdir(), 'cc-nl-opt-'));
  const dutch = await launchBrowser(dir, 'nl');
  try {
    const page = await dutch.newPage();
    await page.goto(`chrome-extension://${await extensionIdOf(dutch)}/options.html`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(nl.options_title!.message);
    await page.selectOption('select[name=backend]', 'http');
    await expectAccessible(page);
  } finally {
    await dutch.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
