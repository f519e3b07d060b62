import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, launchBrowser, extensionIdOf, openTab } from './fixtures';
import { runsIn } from './driver';
import { rows } from './workflow';

/** Clicks an export button on the options page and returns the downloaded file's text. */
async function exported(panel: Page, button: string): Promise<{ name: string; text: string }> {
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: button }).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

// Export as CSV (formulas neutralised) and JSON, and a JSON import that refuses a bad
// file whole and brings a good one into another browser: on the options page, off the queue.
test(
  'exports CSV and JSON, refuses a bad import, and round-trips JSON into a fresh profile',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage }) => {
    const pageUrl = `${pages.origin}/blog-post.html`;
    const { tabId } = await openTab(context, pageUrl);
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect(popup.locator('textarea[name=text]')).toHaveValue(/Al drie weken/);
    await popup.locator('details.read > summary').click();
    await popup.fill('textarea[name=text]', '=HYPERLINK("http://evil.example","klik") Al drie weken geen internet');
    await popup.fill('input[name=note]', '@agent: call back tomorrow');
    await popup.locator('label.chip:has(input[name=severity][value=high])').click();
    await popup.click('button[type=submit]');
    await expect(popup.getByTestId('saved')).toBeVisible();

    const panel = await openExtensionPage('options.html');
    const csv = await exported(panel, 'Export CSV');
    expect(csv.name).toMatch(/^complaint-capture-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"") Al drie weken geen internet"`);
    expect(csv.text).not.toMatch(/(^|,)[=+\-@]/m);
    const json = await exported(panel, 'Export JSON');
    const file = JSON.parse(json.text) as { cases: unknown[]; mentions: unknown[] };
    expect([file.cases.length, file.mentions.length]).toEqual([1, 1]);
    expect(json.text).not.toMatch(/token|password/i);

    const importInput = panel.locator('input[name=import]');
    await importInput.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...file, cases: [{ id: 'x' }] })),
    });
    await expect(panel.getByTestId('data-message')).toContainText(
      'Import refused, nothing was changed: This file is not a valid Complaint Capture export (the problem is at “cases.0.',
    );
    expect(await rows(context, 'cases')).toHaveLength(1);

    // A second browser with an empty profile takes the export.
    const dir = mkdtempSync(join(tmpdir(), 'cc-import-'));
    const fresh = await launchBrowser(dir);
    try {
      const id = await extensionIdOf(fresh);
      const options2 = await fresh.newPage();
      await options2.goto(`chrome-extension://${id}/options.html`);
      await options2
        .locator('input[name=import]')
        .setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
      await expect(options2.getByTestId('data-message')).toHaveText(
        'Imported 1 cases and 1 mentions (0 cases were already stored).',
      );
      const panel2 = await fresh.newPage();
      await panel2.goto(`chrome-extension://${id}/sidepanel.html`);
      await panel2.getByTestId('view-all').click();
      await expect(panel2.getByTestId('case-row').getByTestId('excerpt')).toContainText('=HYPERLINK');
      expect(await rows(fresh, 'cases')).toEqual(await rows(context, 'cases'));
    } finally {
      await fresh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
