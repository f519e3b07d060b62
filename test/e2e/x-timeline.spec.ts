import { test, expect, tabIdOf } from './fixtures';
import { runsIn } from './driver';
import { xTimeline } from './pages/generated';

// On a timeline the toolbar captures the tweet nearest the middle of the viewport, with
// its own author, handle, permalink and id — never the first tweet of the page.
test(
  'the toolbar captures the tweet in the middle of the view on an X timeline',
  runsIn('chromium'),
  async ({ context, openExtensionPage }) => {
    await context.route('https://x.com/home', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: xTimeline(60) }),
    );
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto('https://x.com/home');
    const tabId = await tabIdOf(context, 'https://x.com/home');

    for (const n of [37, 8]) {
      await page
        .locator('article[data-testid="tweet"]')
        .nth(n - 1)
        .evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
      await expect(popup.locator('textarea[name=text]')).toHaveValue(
        `Tweet ${n}: mijn pakket is al ${n} dagen zoek en niemand reageert.`,
      );
      await expect(popup.getByTestId('platform')).toHaveText('X · post');
      await expect(popup.locator('input[name=authorHandle]')).toHaveValue(`klant${n}`);
      await expect(popup.locator('input[name=authorName]')).toHaveValue(`Klant ${n}`);
      await expect(popup.locator('input[name=url]')).toHaveValue(
        `https://x.com/klant${n}/status/${1860000000000000000n + BigInt(n)}`,
      );
      await expect(popup.locator('select[name=language]')).toHaveValue('nl');
      await popup.close();
    }
  },
);
