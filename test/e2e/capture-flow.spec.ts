import { test, expect, openTab } from './fixtures';
import { runsIn } from './driver';
import { localInput } from './workflow';

// The popup asks for the decision first: who and what they said, then category (a suggestion,
// marked, never a silent default), severity, owner and note; what was read is folded away; Save
// stays in view at 400×600 and Ctrl+Enter saves. Then the case is in the side panel and survives
// a restart.
test(
  'decision first: the popup shows who and what, asks category and severity, and saves with Ctrl+Enter',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage, restart }) => {
    const pageUrl = `${pages.origin}/blog-post.html`;
    const { tabId } = await openTab(context, pageUrl);

    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 600 });
    await expect(popup.getByTestId('who')).toHaveText('Anouk de Vries');
    await expect(popup.getByTestId('quote')).toContainText('Al drie weken heb ik geen internet');
    // The decisions come before what was read, which is folded (still holding every field).
    const order = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-testid=quote], fieldset[data-field], input[name=owner], details.read')].map(
        (e) => e.getAttribute('data-field') ?? e.getAttribute('name') ?? e.getAttribute('data-testid') ?? e.className,
      ),
    );
    expect(order).toEqual(['quote', 'category', 'severity', 'owner', 'read']);
    await expect(popup.locator('details.read')).not.toHaveAttribute('open', '');
    await expect(popup.locator('textarea[name=text]')).toHaveValue(/Al drie weken heb ik geen internet/);
    await expect(popup.locator('input[name=authorName]')).toHaveValue('Anouk de Vries');
    // Time in local time, language by its name.
    await expect(popup.locator('input[name=publishedAt]')).toHaveValue(localInput('2026-11-20T07:30:00.000Z'));
    await expect(popup.locator('select[name=language]')).toHaveValue('nl');
    await expect(popup.locator('select[name=language] option:checked')).toHaveText('Dutch');
    // A keyword suggestion is pre-selected and marked as one; severity has no default.
    await expect(popup.locator('input[name=category]:checked')).toHaveCount(1);
    await expect(popup.locator('label.chip:has(input[name=category]:checked) [data-testid=suggested]')).toBeVisible();
    await expect(popup.locator('input[name=severity]:checked')).toHaveCount(0);
    // Save is in view without scrolling.
    const bar = await popup.locator('.save-bar button[type=submit]').boundingBox();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(600);

    await popup.locator('input[name=category][value=outage]').check();
    await popup.fill('input[name=note]', 'Works from home; third call this week');
    // Ctrl+Enter without a severity: refused, the severity named and highlighted, nothing saved.
    await popup.locator('input[name=note]').press('Control+Enter');
    await expect(popup.getByTestId('save-problem')).toHaveText('Choose a severity.');
    await expect(popup.locator('fieldset[data-field=severity]')).toHaveAttribute('aria-invalid', 'true');
    await popup.locator('label.chip:has(input[value=high])').click();
    await expect(popup.getByTestId('priority')).toContainText(/Priority \d+/);
    await popup.locator('input[name=note]').press('Control+Enter');
    await expect(popup.getByTestId('saved')).toBeVisible();
    await expect(popup.getByTestId('saved-sync')).toHaveText('Stored in this browser (no backend configured).');

    const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const row = panel.getByTestId('case-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('severity')).toHaveText('High');
    await expect(row.getByTestId('excerpt')).toContainText('Al drie weken heb ik geen internet');
    await expect(row.getByTestId('sync')).toHaveAttribute('data-state', 'local');

    // Capturing the same post again shows its case (no duplicates); the note added there
    // shows in the panel at once (liveQuery over the background's writes).
    await popup.getByRole('button', { name: 'Capture again' }).click();
    await expect(popup.getByTestId('duplicate')).toBeVisible();
    await popup.fill('textarea[name=note]', 'Second call today');
    await popup.getByRole('button', { name: 'Add note' }).click();
    await row.locator('.qrow-head').click();
    // Captured, the two notes, and the line saying no evidence image was kept: this popup is a tab
    // of its own, so the captured page was no longer in front when the image was due.
    await expect(row.getByTestId('history').locator('summary')).toContainText('(4)');

    const reopened = await restart();
    const { tabId: tab2 } = await openTab(reopened, pageUrl);
    const id = new URL((reopened.serviceWorkers()[0] ?? (await reopened.waitForEvent('serviceworker'))).url()).host;
    const panel2 = await reopened.newPage();
    await panel2.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tab2}`);
    await expect(panel2.getByTestId('case-row')).toHaveCount(1);
    await expect(panel2.getByTestId('case-row').getByTestId('excerpt')).toContainText('klantenservice');
  },
);

// A save the background refuses keeps everything the agent typed, names the field in words and
// highlights it.
test(
  'a refused save keeps the form, names the field and highlights it; fixing the field saves',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage }) => {
    const pageUrl = `${pages.origin}/blog-post.html`;
    const { tabId } = await openTab(context, pageUrl);
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect(popup.locator('textarea[name=text]')).toHaveValue(/Al drie weken/);
    await popup.locator('label.chip:has(input[value=medium])').click();
    await popup.fill('input[name=note]', 'Called twice, no answer');
    await popup.locator('details.read > summary').click();
    await popup.fill('input[name=url]', 'javascript:alert(1)');
    await popup.click('button[type=submit]');
    await expect(popup.getByRole('alert')).toHaveText(
      'Not saved. The permalink must be a web address that starts with https:// or http://. Your input is kept; try again.',
    );
    await expect(popup.locator('input[name=url]')).toHaveAttribute('aria-invalid', 'true');
    await expect(popup.locator('input[name=url]')).toBeFocused();
    await expect(popup.locator('input[name=note]')).toHaveValue('Called twice, no answer');
    await expect(popup.locator('textarea[name=text]')).toHaveValue(/Al drie weken/);
    await popup.fill('input[name=url]', pageUrl);
    await popup.click('button[type=submit]');
    await expect(popup.getByTestId('saved')).toBeVisible();
  },
);
