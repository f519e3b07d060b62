import { test, expect, eventually, runsIn } from './driver';
import { expectAccessible, reportViaMenu, rows, save } from './steps';

// "Report as complaint" on one comment of a blog post: a real right-click on the comment, then the
// handler the browser's menu click calls, with what that click carries in this browser (Firefox:
// the target element's id; Chrome: nothing, the handler reads the hovered element).
test(
  'the context menu on one comment captures that comment, not the post',
  runsIn('chromium', 'firefox'),
  async ({ driver, pages }) => {
    const pageUrl = `${pages.origin}/blog-comments.html`;
    const { page, tabId } = await driver.openTab(pageUrl);

    // A link to a comment on this page: that comment, found by its permalink (read in the page).
    const linked = await reportViaMenu(driver, tabId, { linkUrl: `${pageUrl}#comment-12` });
    expect(await linked.value('input[name=authorName]')).toBe('Piet Jansen');
    expect(await linked.value('textarea[name=text]')).toMatch(/router knippert alleen maar oranje/);
    expect(await linked.value('input[name=url]')).toBe(`${pageUrl}#comment-12`);
    await linked.close();

    const click = await page.rightClick('#comment-14 .comment-content p');
    const review = await reportViaMenu(driver, tabId, click);
    expect(await review.value('input[name=authorName]')).toBe('Piet Jansen');
    expect(await review.value('textarea[name=text]')).toMatch(/Nu ook geen tv meer/);
    expect(await review.value('input[name=url]')).toBe(`${pageUrl}#comment-14`);
    await expectAccessible(review);
    await save(review);

    const [mention] = await rows<{ kind: string; url: string }>(driver, 'mentions');
    expect([mention?.kind, mention?.url]).toEqual(['comment', `${pageUrl}#comment-14`]);
    // Back on the page, the badge counts the case linked to it (the comment's thread).
    await review.close();
    await page.bringToFront();
    await eventually(() =>
      driver.background(async (g, tabId) => {
        const bar = g.__cc.browser.action ?? g.__cc.browser.browserAction;
        return bar!.getBadgeText({ tabId });
      }, tabId),
    ).toBe('1');
  },
);
