import { readFileSync } from 'node:fs';
import { test, expect, eventually, runsIn } from './driver';
import { choose, linkedCards, openPanel, openPopup, openRow, rows, save } from './steps';

const X_PAGE = 'test/fixtures/pages/x/status-link';

// The toolbar capture on the two kinds of page an agent meets most: an X status page (served at
// its real address, with no network) and a blog post with comments, which keeps them with the case.
test(
  'captures an X status page from the popup and lists it in the side panel',
  runsIn('chromium', 'firefox'),
  async ({ driver }) => {
    const { url } = JSON.parse(readFileSync(`${X_PAGE}.request.json`, 'utf8')) as { url: string };
    const { tabId } = await driver.openTab(url, readFileSync(`${X_PAGE}.html`, 'utf8'));

    const popup = await openPopup(driver, tabId);
    expect(await popup.value('textarea[name=text]')).toBe(
      'Experimenting with Clearbit API + Apple TV 3D Parallax bit.ly/2tVueZ0',
    );
    expect(await popup.text('[data-testid=platform]')).toBe('X · post');
    expect(await popup.value('input[name=authorName]')).toBe('Kiko Beats');
    expect(await popup.value('input[name=authorHandle]')).toBe('Kikobeats');
    expect(await popup.value('input[name=url]')).toBe(url);
    await choose(popup, 'category', 'service');
    await save(popup);

    const panel = await openPanel(driver, tabId);
    await eventually(() => panel.count(linkedCards)).toBe(1);
    expect(await panel.text(`${linkedCards} [data-testid=excerpt]`)).toContain('Clearbit API');
    expect(await panel.attribute(`${linkedCards} [data-testid=sync]`, 'data-state')).toBe('local');
  },
);

test(
  'captures a blog post with its comments from the popup',
  runsIn('chromium', 'firefox'),
  async ({ driver, pages }) => {
    const pageUrl = `${pages.origin}/blog-comments.html`;
    const { tabId } = await driver.openTab(pageUrl);

    const popup = await openPopup(driver, tabId);
    expect(await popup.value('textarea[name=text]')).toMatch(/ligt het internet in heel Utrecht-Oost plat/);
    expect(await popup.value('input[name=authorName]')).toBe('Anouk de Vries');
    expect(await popup.text('[data-testid=thread-note]')).toBe(
      'The 3 comments under this post are kept with the case.',
    );
    await save(popup);

    // One case, one mention row; the comments ride along in that row, not as cases of their own.
    const stored = await rows<{ threadJson?: string; threadCount?: number; kind: string }>(driver, 'mentions');
    expect(stored.map((m) => [m.kind, m.threadCount])).toEqual([['post', 3]]);
    const thread = JSON.parse(stored[0]!.threadJson!) as { comments: { url: string }[] };
    expect(thread.comments.map((c) => c.url)).toEqual([12, 13, 14].map((n) => `${pageUrl}#comment-${n}`));
    expect(await rows(driver, 'cases')).toHaveLength(1);

    const panel = await openPanel(driver, tabId);
    await eventually(() => panel.count(linkedCards)).toBe(1);
    await openRow(panel);
    await eventually(() => panel.text(`${linkedCards} [data-testid=thread] summary`)).toBe('Comments at capture (3)');
  },
);
