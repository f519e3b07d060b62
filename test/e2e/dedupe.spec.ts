import type { BrowserContext } from '@playwright/test';
import { test, expect, openTab } from './fixtures';
import { runsIn } from './driver';
import { expectAccessible, reportViaMenu, rows } from './workflow';

/** The side panel's card for the case whose mention text contains `text`. */
const cardWith = (panel: import('@playwright/test').Page, section: 'linked' | 'recent', text: string) =>
  panel
    .getByTestId(section)
    .getByTestId('case')
    .filter({ has: panel.getByTestId('mention-text').filter({ hasText: text }) });

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

    // Keyboard only: from the note field, Tab reaches Save and Enter saves.
    const first = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect(first.locator('textarea[name=text]')).toHaveValue(/Al drie weken/);
    await first.locator('textarea[name=note]').focus();
    await first.keyboard.press('Tab');
    await expect(first.locator('button[type=submit]')).toBeFocused();
    await first.keyboard.press('Enter');
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
    const card = panel.getByTestId('linked').getByTestId('case');
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId('reason')).toContainText(['same post']);
    await card.locator('summary').focus();
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
    await r1.click('button[type=submit]');
    await expect(r1.getByTestId('saved')).toBeVisible();

    // Piet's second comment, right-clicked: offered his earlier case; the agent attaches it.
    await page.hover('#comment-14 .comment-content p');
    const r2 = await reportViaMenu(context, tabId);
    const offer = r2.getByTestId('author-cases');
    await expect(offer).toBeVisible();
    await expectAccessible(r2);
    await offer.getByRole('radio', { name: /router knippert/ }).check();
    await r2.click('button[type=submit]');
    await expect(r2.getByTestId('saved')).toHaveText("Added to the customer's case.");
    expect(await caseCount(context)).toBe(1);
    expect((await rows<{ mentionIds: string[] }>(context, 'cases'))[0]?.mentionIds).toHaveLength(2);

    // Marloes: another author, a case of her own.
    await page.hover('#comment-13 .comment-content p');
    const r3 = await reportViaMenu(context, tabId);
    await expect(r3.getByTestId('author-cases')).toHaveCount(0);
    await r3.click('button[type=submit]');
    await expect(r3.getByTestId('saved')).toBeVisible();

    // Piet on another blog post: offered his case, the agent opens a new one.
    const { page: page2, tabId: tab2 } = await openTab(context, other);
    await page2.hover('#comment-12 .comment-content p');
    const r4 = await reportViaMenu(context, tab2);
    await expect(r4.getByTestId('author-cases')).toBeVisible();
    await r4.getByRole('radio', { name: 'A new case' }).check();
    await r4.click('button[type=submit]');
    await expect(r4.getByTestId('saved')).toHaveText('Saved as a new case.');
    expect(await caseCount(context)).toBe(3);

    // On the other post: its own case (thread) and Piet's earlier case (same author only), not Marloes'.
    const panel = await openExtensionPage(`sidepanel.html?tabId=${tab2}`);
    await expect(panel.getByTestId('linked').getByTestId('case')).toHaveCount(2);
    await expect(cardWith(panel, 'linked', 'Bij mij ook al vijf dagen').getByTestId('reason')).toHaveText([
      'same author',
    ]);
    await expect(cardWith(panel, 'linked', 'Ze beloven een monteur')).toHaveCount(0);
    await expectAccessible(panel);

    // On the first post: all three by thread; Piet's comment permalink adds "same post" (in-page navigation).
    const panel1 = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await expect(panel1.getByTestId('linked').getByTestId('case')).toHaveCount(3);
    await expect(cardWith(panel1, 'linked', 'Ze beloven een monteur').getByTestId('reason')).toContainText([
      'same thread',
    ]);
    await page.evaluate(() => (location.hash = '#comment-12'));
    await expect(cardWith(panel1, 'linked', 'router knippert').getByTestId('reason')).toContainText(['same post']);

    // Linking Marloes' identity to Piet's makes her case the same author's on the other post.
    const marloes = cardWith(panel, 'recent', 'Ze beloven een monteur');
    await marloes.locator('input[name=identity]').fill('blog:Piet Jansen');
    await marloes.getByRole('button', { name: 'Link identities' }).click();
    await expect(cardWith(panel, 'linked', 'Ze beloven een monteur').getByTestId('reason')).toHaveText(['same author']);
    await expect(cardWith(panel, 'linked', 'Ze beloven een monteur').getByTestId('linked-identities')).toContainText(
      'blog:piet jansen',
    );
  },
);
