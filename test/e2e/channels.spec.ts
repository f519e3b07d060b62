import type { BrowserContext, Page } from '@playwright/test';
import { runsIn } from './driver';
import { test, expect } from './fixtures';
import { expectReview, openSite } from './social';
import { decideAndSave, reportViaMenu, rows, showMarkers } from './workflow';

/**
 * Saves the review open in `review`, then switches case markers on for the site from the side
 * panel and expects a marker after the saved comment's permalink (`link`) on the page.
 */
async function saveAndMark(
  review: Page,
  page: Page,
  tabId: number,
  link: string,
  openExtensionPage: (path: string) => Promise<Page>,
): Promise<void> {
  await decideAndSave(review);
  await expect(review.getByTestId('saved')).toBeVisible();
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await showMarkers(panel);
  await expect(page.locator(`${link} + [data-cc-marker]`)).toHaveCount(1);
  // Only the saved comment has a case: one marker on the page.
  await expect(page.locator('[data-cc-marker]')).toHaveCount(1);
}

async function storedPlatforms(context: BrowserContext): Promise<string[]> {
  return (await rows<{ platform: string; kind: string }>(context, 'mentions')).map((m) => `${m.platform}/${m.kind}`);
}

test(
  'YouTube: the toolbar captures the video, the menu a reply with its lc= permalink; markers show on it',
  runsIn('chromium'),
  async ({ context, openExtensionPage }) => {
    const url = 'https://www.youtube.com/watch?v=kT4yq8Lk2Qw';
    const { page, tabId } = await openSite(context, url, 'youtube/watch-comments.html');
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expectReview(popup, {
      platform: 'youtube',
      text: /^Al drie dagen geen internet in Utrecht-Oost/,
      authorName: 'Tech met Thomas',
      authorHandle: 'techmetthomas',
      url,
    });
    await popup.close();

    await page.hover('ytd-comment-replies-renderer #content-text span');
    const review = await reportViaMenu(context, tabId);
    await expectReview(review, {
      platform: 'youtube',
      text: /^Hoi Anouk, wat vervelend/,
      authorHandle: 'acme-nl',
      url: `${url}&lc=UgyH5k9PqR2sT8vW3xZaBbABAg.9z8AbCdEfGhIjKlMn`,
    });
    await saveAndMark(
      review,
      page,
      tabId,
      'a[href="/watch?v=kT4yq8Lk2Qw&lc=UgyH5k9PqR2sT8vW3xZaBbABAg.9z8AbCdEfGhIjKlMn"]',
      openExtensionPage,
    );
    expect(await storedPlatforms(context)).toEqual(['youtube/comment']);
  },
);

test(
  'Facebook: the toolbar captures the page’s post, the menu one comment without Facebook’s tracking; markers show on it',
  runsIn('chromium'),
  async ({ context, openExtensionPage }) => {
    const url = 'https://www.facebook.com/ACMENederland/posts/pfbid02kX8vT7uQmN3pR9sW4yZbCdEfGh1JkLmNoPqRsTuVwXyZ';
    const { page, tabId } = await openSite(context, url, 'facebook/page-post-comments.html');
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expectReview(popup, {
      platform: 'facebook',
      text: /^Update storing Utrecht-Oost/,
      authorName: 'ACME Nederland',
      url,
    });
    await popup.close();

    await page.hover('[aria-label^="Comment by Jan de Vries"] div[style*="text-align"]');
    const review = await reportViaMenu(context, tabId);
    await expectReview(review, {
      platform: 'facebook',
      text: /^Dat zeiden jullie gisteren ook/,
      authorName: 'Jan de Vries',
      authorHandle: 'jan.devries.utrecht',
      url: `${url}?comment_id=1098765432101234`,
    });
    await saveAndMark(
      review,
      page,
      tabId,
      '[aria-label^="Comment by Jan de Vries"] ul a[href*="comment_id=1098765432101234"]:not([href*="reply_comment_id"])',
      openExtensionPage,
    );
  },
);

test(
  'Instagram: the toolbar captures the reel’s caption, the menu a comment; markers show on it',
  runsIn('chromium'),
  async ({ context, openExtensionPage }) => {
    const url = 'https://www.instagram.com/reel/DCk9QxYtZ3a/';
    const { page, tabId } = await openSite(context, url, 'instagram/reel-comment-reply.html');
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expectReview(popup, {
      platform: 'instagram',
      text: /^Onze monteurs zijn dit weekend extra op pad/,
      authorName: 'ACME Nederland',
      authorHandle: 'acme.nl',
      url: 'https://www.instagram.com/p/DCk9QxYtZ3a/',
      publishedAt: '2026-11-19T16:05:00.000Z',
    });
    await popup.close();

    await page.hover('a[href="/reel/DCk9QxYtZ3a/c/17893456789012345/"] time');
    const review = await reportViaMenu(context, tabId);
    await expectReview(review, {
      platform: 'instagram',
      text: 'Monteur kwam, keek, en ging weer. Nog steeds niks 🙄',
      authorHandle: 'pieter_utr',
      url: 'https://www.instagram.com/reel/DCk9QxYtZ3a/c/17893456789012345/',
      publishedAt: '2026-11-20T19:02:00.000Z',
    });
    await saveAndMark(review, page, tabId, 'a[href="/reel/DCk9QxYtZ3a/c/17893456789012345/"]', openExtensionPage);
  },
);

test(
  'TikTok: the toolbar captures the video from the page’s data, the menu a comment',
  runsIn('chromium'),
  async ({ context, openExtensionPage }) => {
    const url = 'https://www.tiktok.com/@lotte.utr/video/7438912345678901234';
    const { page, tabId } = await openSite(context, url, 'tiktok/video-comments.html');
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expectReview(popup, {
      platform: 'tiktok',
      text: 'Dag 4 zonder internet door de storing van @acme.nl 🙃 #storing #utrecht',
      authorName: 'Lotte 🌷',
      authorHandle: 'lotte.utr',
      url,
      publishedAt: '2026-11-20T09:00:00.000Z',
    });
    // The author's 48,200 followers, as the reach the agent triages by.
    await expect(popup.getByTestId('reach')).toContainText('48.2K followers');
    await popup.close();

    await page.hover('[data-e2e="comment-level-1"] p');
    const review = await reportViaMenu(context, tabId);
    await expectReview(review, {
      platform: 'tiktok',
      text: 'Hier in Oost hetzelfde. Bellen heeft geen zin, je hangt een uur in de wacht.',
      authorName: 'Sjoerd',
      authorHandle: 'sjoerd_dh',
      url: `${url}#comment-733259844`,
    });
    await decideAndSave(review);
    await expect(review.getByTestId('saved')).toBeVisible();
    expect(await storedPlatforms(context)).toEqual(['tiktok/comment']);
  },
);

test(
  'Trustpilot: the toolbar captures the review in view with its stars and the company’s reply kept as context; the menu another review; markers show on it',
  runsIn('chromium'),
  async ({ context, openExtensionPage }) => {
    const url = 'https://nl.trustpilot.com/review/acme.nl';
    const { page, tabId } = await openSite(context, url, 'trustpilot/company-page.html');
    await page.setViewportSize({ width: 900, height: 400 });
    await page
      .locator('article')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expectReview(popup, {
      platform: 'trustpilot',
      text: /^Sinds vrijdag geen internet/,
      authorName: 'Marloes K.',
      url: 'https://nl.trustpilot.com/reviews/6741f0c2a9b8e7d6c5b4a392',
      publishedAt: '2026-11-20T09:14:51.000Z',
    });
    await expect(popup.getByTestId('thread-note')).toBeVisible();
    await decideAndSave(popup);
    await expect(popup.getByTestId('saved')).toBeVisible();
    const [stored] = await rows<{
      metrics: { rating?: number };
      threadJson?: string;
      title: string;
      publishedAt: string;
    }>(context, 'mentions');
    expect(stored?.metrics.rating).toBe(1);
    // Shown to the minute, stored to the second: the review's time is kept as read.
    expect(stored?.publishedAt).toBe('2026-11-20T09:14:51.000Z');
    expect(stored?.title).toBe('Vijf dagen geen internet en niemand komt');
    expect(JSON.parse(stored?.threadJson ?? '{}').comments[0].author.name).toBe('ACME Nederland');
    await popup.close();

    await page.hover('a[href="/reviews/6740a1b2c3d4e5f6a7b8c9d0"] h2');
    const review = await reportViaMenu(context, tabId);
    await expectReview(review, {
      platform: 'trustpilot',
      text: 'Twee keer afgeschreven voor november. Terugbetaling duurt nu al drie weken.',
      authorName: 'Peter van Dam',
      url: 'https://nl.trustpilot.com/reviews/6740a1b2c3d4e5f6a7b8c9d0',
    });
    await decideAndSave(review);
    await expect(review.getByTestId('saved')).toBeVisible();
    const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await showMarkers(panel);
    // Both saved reviews carry a marker after their permalink; the third review none.
    await expect(page.locator('a[data-review-title-typography] + [data-cc-marker]')).toHaveCount(2);
    await expect(page.locator('a[href="/reviews/673f9e8d7c6b5a4938271605"] + [data-cc-marker]')).toHaveCount(0);
  },
);
