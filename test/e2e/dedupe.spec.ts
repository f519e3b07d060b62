import type { BrowserContext } from '@playwright/test';
import { test, expect, openTab } from './fixtures';
import { runsIn } from './driver';
import { expectAccessible, reportViaMenu, rows } from './workflow';

type Page = import('@playwright/test').Page;

/** The queue's row of the case whose first words contain `text`. */
const rowWith = (panel: Page, text: string) =>
  panel.getByTestId('case-row').filter({ has: panel.getByTestId('excerpt').filter({ hasText: text }) });

/** Opens that row (one open at a time) and gives it back. */
async function openRowWith(panel: Page, text: string) {
  const row = rowWith(panel, text);
  if ((await row.locator('.qrow-head').getAttribute('aria-expanded')) !== 'true')
    await row.locator('.qrow-head').click();
  await expect(row.getByTestId('case-detail')).toBeVisible();
  return row;
}

/** Saves a review as an agent would: a severity chosen (the category is the suggestion or service). */
async function chooseAndSave(review: Page) {
  if (!(await review.locator('input[name=category]:checked').count()))
    await review.locator('label.chip:has(input[name=category][value=service])').click();
  await review.locator('label.chip:has(input[name=severity][value=medium])').click();
  await review.click('button[type=submit]');
}

async function caseCount(context: BrowserContext) {
  return (await rows(context, 'cases')).length;
}

// Capturing a post that is already stored shows its case instead of making a second one.
test(
  'a duplicate capture shows the existing case and takes a note',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage }) => {
    const pageUrl = `${pages.origin}/blog-post.html`;
    const { page, tabId } = await openTab(context, pageUrl);

    // Keyboard only: a severity picked with the arrow keys, then Ctrl+Enter saves from the note.
    const first = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect(first.locator('textarea[name=text]')).toHaveValue(/Al drie weken/);
    await first.locator('input[name=severity][value=low]').focus();
    await first.keyboard.press('ArrowRight');
    await expect(first.locator('input[name=severity][value=medium]')).toBeChecked();
    await first.locator('input[name=note]').focus();
    await first.keyboard.press('Control+Enter');
    await expect(first.getByTestId('saved')).toBeVisible();

    // The same post again, reached through a tracking link and the context menu.
    await page.goto(`${pageUrl}?utm_source=twitter&s=20`);
    const again = await reportViaMenu(context, tabId);
    await expect(again.getByTestId('duplicate')).toBeVisible();
    await expect(again.getByTestId('duplicate-status')).toContainText('New');
    await expectAccessible(again);
    await again.locator('textarea[name=note]').focus();
    await again.keyboard.type('Called back, she is still without internet');
    await again.keyboard.press('Tab');
    await again.keyboard.press('Enter');
    await expect(again.getByTestId('note-added')).toBeVisible();
    expect(await caseCount(context)).toBe(1);

    const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const card = panel.getByTestId('case-row');
    await expect(card).toHaveCount(1);
    // By keyboard: the row opens with Enter, its history with Enter.
    await card.locator('.qrow-head').focus();
    await panel.keyboard.press('Enter');
    await expect(card.getByTestId('reason')).toContainText(['same post']);
    await card.getByTestId('history').locator('summary').focus();
    await panel.keyboard.press('Enter');
    await expect(card.locator('.log')).toContainText('Called back, she is still without internet');
    // Status by keyboard: focus the select and pick with the arrow key.
    await card.locator('select[name=status]').focus();
    await panel.keyboard.press('ArrowDown');
    await expect(card.getByTestId('status')).toHaveText('Open');
  },
);

// A new capture from an author with cases may join the earlier case; the side panel
// shows the cases linked by post, author and thread, following in-page navigation.
test(
  'attaches to the author’s earlier case and lists linked cases by post, author and thread',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage }) => {
    const comments = `${pages.origin}/blog-comments.html`;
    const other = `${pages.origin}/blog-other.html`;
    const { page, tabId } = await openTab(context, comments);

    // Piet's first comment: a new case (nothing known about him yet).
    await page.hover('#comment-12 .comment-content p');
    const r1 = await reportViaMenu(context, tabId);
    await expect(r1.locator('input[name=authorName]')).toHaveValue('Piet Jansen');
    await expect(r1.getByTestId('author-cases')).toHaveCount(0);
    await chooseAndSave(r1);
    await expect(r1.getByTestId('saved')).toBeVisible();

    // Piet's second comment, right-clicked: offered his earlier case; the agent attaches it.
    await page.hover('#comment-14 .comment-content p');
    const r2 = await reportViaMenu(context, tabId);
    const offer = r2.getByTestId('author-cases');
    await expect(offer).toBeVisible();
    await expectAccessible(r2);
    await offer.getByRole('radio', { name: /router knippert/ }).check();
    await chooseAndSave(r2);
    await expect(r2.getByTestId('saved')).toHaveText("Added to the customer's case.");
    expect(await caseCount(context)).toBe(1);
    expect((await rows<{ mentionIds: string[] }>(context, 'cases'))[0]?.mentionIds).toHaveLength(2);

    // Marloes: another author, a case of her own.
    await page.hover('#comment-13 .comment-content p');
    const r3 = await reportViaMenu(context, tabId);
    await expect(r3.getByTestId('author-cases')).toHaveCount(0);
    await chooseAndSave(r3);
    await expect(r3.getByTestId('saved')).toBeVisible();

    // Piet on another blog post: offered his case, the agent opens a new one.
    const { page: page2, tabId: tab2 } = await openTab(context, other);
    await page2.hover('#comment-12 .comment-content p');
    const r4 = await reportViaMenu(context, tab2);
    await expect(r4.getByTestId('author-cases')).toBeVisible();
    await r4.getByRole('radio', { name: 'A new case' }).check();
    await chooseAndSave(r4);
    await expect(r4.getByTestId('saved')).toHaveText('Saved as a new case.');
    expect(await caseCount(context)).toBe(3);

    // On the other post: its own case (thread) and Piet's earlier case (same author only), not Marloes'.
    const panel = await openExtensionPage(`sidepanel.html?tabId=${tab2}`);
    await expect(panel.getByTestId('case-row')).toHaveCount(2);
    await expect((await openRowWith(panel, 'Bij mij ook al vijf dagen')).getByTestId('reason')).toHaveText([
      'same author',
    ]);
    await expect(rowWith(panel, 'Ze beloven een monteur')).toHaveCount(0);
    await expectAccessible(panel);

    // On the first post: all three by thread; Piet's comment permalink adds "same post" (in-page navigation).
    const panel1 = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await expect(panel1.getByTestId('case-row')).toHaveCount(3);
    await expect((await openRowWith(panel1, 'Ze beloven een monteur')).getByTestId('reason')).toContainText([
      'same thread',
    ]);
    await page.evaluate(() => (location.hash = '#comment-12'));
    await expect((await openRowWith(panel1, 'router knippert')).getByTestId('reason')).toContainText(['same post']);

    // Linking Marloes' identity to Piet's makes her case the same author's on the other post.
    await panel.getByTestId('view-all').click();
    const marloes = await openRowWith(panel, 'Ze beloven een monteur');
    await marloes.getByText('Identities', { exact: true }).click();
    await marloes.locator('input[name=identity]').first().fill('blog:Piet Jansen');
    await marloes.getByRole('button', { name: 'Link identities' }).first().click();
    await panel.getByTestId('view-page').click();
    const linked = await openRowWith(panel, 'Ze beloven een monteur');
    await expect(linked.getByTestId('reason')).toHaveText(['same author']);
    await linked.getByText('Identities', { exact: true }).click();
    await expect(linked.getByTestId('linked-identities')).toContainText('blog:piet jansen');
  },
);
