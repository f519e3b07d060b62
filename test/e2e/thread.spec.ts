import { test, expect, openTab } from './fixtures';
import { runsIn } from './driver';
import { expectAccessible, rows } from './workflow';

// The post and all its comments: a post captured from its page keeps the comments under it.
test(
  'a captured blog post keeps its comments: named in the popup, stored once, listed in the side panel',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage }) => {
    const pageUrl = `${pages.origin}/blog-comments.html`;
    const { tabId } = await openTab(context, pageUrl);

    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect(popup.locator('textarea[name=text]')).toHaveValue(/ligt het internet in heel Utrecht-Oost plat/);
    await expect(popup.getByTestId('thread-note')).toHaveText('The 3 comments under this post are kept with the case.');
    await popup.locator('label.chip:has(input[name=severity][value=medium])').click();
    await popup.click('button[type=submit]');
    await expect(popup.getByTestId('saved')).toBeVisible();

    // One case, one mention row; the comments ride along in that row, not as cases of their own.
    const stored = await rows<{ threadJson?: string; threadCount?: number; kind: string }>(context, 'mentions');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.kind).toBe('post');
    expect(stored[0]!.threadCount).toBe(3);
    const thread = JSON.parse(stored[0]!.threadJson!) as { comments: { url: string; author: { name: string } }[] };
    expect(thread.comments.map((c) => c.url)).toEqual([12, 13, 14].map((n) => `${pageUrl}#comment-${n}`));
    expect(await rows(context, 'cases')).toHaveLength(1);

    const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const card = panel.getByTestId('case-row');
    await expect(card).toHaveCount(1);
    await card.locator('.qrow-head').click();
    const snapshot = card.getByTestId('thread');
    await expect(snapshot.locator('summary')).toHaveText('Comments at capture (3)');
    await expect(snapshot.getByTestId('thread-comment')).toHaveCount(0);
    await snapshot.locator('summary').click();
    const comments = snapshot.getByTestId('thread-comment');
    await expect(comments).toHaveCount(3);
    await expect(comments.first()).toContainText('Mijn router knippert alleen maar oranje');
    await expect(comments.nth(1)).toContainText('Ze beloven een monteur maar er komt niemand.');
    await expectAccessible(panel);
  },
);
