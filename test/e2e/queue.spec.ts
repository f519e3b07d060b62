import { test, expect, eventually, runsIn, type E2EPage } from './driver';
import { expectAccessible, openPanel } from './steps';
import { caseOf, post, seedRows, seedSettings, teamSettings, workbenchRows, type Rows } from './seed';

const rowsIn = (panel: E2EPage) =>
  panel.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid=case-row]')].map((r) => ({
        author: r.querySelector('[data-testid=author]')?.textContent ?? '',
        severity: r.querySelector('[data-testid=severity]')?.textContent ?? '',
        pinned: !!r.closest('[data-testid=pinned]'),
        overdue: !!r.querySelector('[data-testid=overdue]'),
      })),
    null,
  );
const count = (panel: E2EPage, view: string) => panel.text(`[data-testid=count-${view}]`);

/** 300 more cases, so the queue has more rows than it renders (the youngest post, Vulling 0, comes last). */
function filler(n: number): Rows {
  const rows: Rows = { cases: [], mentions: [], outbox: [] };
  for (let i = 0; i < n; i++) {
    const { kase, mention } = caseOf(
      post({
        url: `https://x.com/vulling${i}/status/${1800000000000000000 + i}`,
        author: { name: `Vulling ${i}`, handle: `vulling${i}`, profileUrl: null, followers: null },
        text: `Klacht nummer ${i} over de wifi`,
        publishedAt: new Date(Date.now() - (100 + i) * 3_600_000).toISOString(),
      }),
      { category: 'service', severity: 'low', owner: 'Joost', note: '' },
      // Captured within the day (not overdue: low severity has 72 h), posted days ago.
      10 + i / 100,
    );
    rows.cases.push(kase);
    rows.mentions.push(mention);
  }
  return rows;
}

// The side panel as a queue: one compact row per case, the page's own case pinned first, views
// with counts, filters and search served by the database's indexes, severity in colour, reach
// and priority, the SLA's overdue mark (and the badge's count), and a list that renders only the
// rows in view.
test(
  'the queue: views with counts, the pinned page case, filters, search, severity colour, reach, priority, overdue',
  runsIn('chromium'),
  async ({ driver, pages }) => {
    test.setTimeout(180_000);
    const pageUrl = `${pages.origin}/blog-post.html`;
    await seedSettings(driver, teamSettings());
    await seedRows(driver, workbenchRows(pageUrl));
    await seedRows(driver, filler(300));
    const { tabId } = await driver.openTab(pageUrl);
    const panel = await openPanel(driver, tabId);
    await panel.setViewport(400, 900);

    // "This page": the post's own case, pinned; critical (in red), overdue (captured 3 h ago, SLA 1 h).
    await eventually(() => rowsIn(panel)).toEqual([
      { author: 'Anouk de Vries', severity: 'Critical', pinned: true, overdue: true },
    ]);
    expect(await count(panel, 'page')).toBe('1');
    expect(await count(panel, 'mine')).toBe('3');
    expect(await count(panel, 'unassigned')).toBe('6');
    expect(await count(panel, 'all')).toBe('311');
    const colour = await panel.evaluate(
      () => getComputedStyle(document.querySelector('[data-testid=severity]')!).backgroundColor,
      null,
    );
    expect(colour).toBe('rgb(179, 38, 30)');
    await eventually(() => panel.text('[data-testid=overdue-count]')).toBe('4 overdue');
    // The badge counts the overdue cases too. It follows the tab in front, as the agent sees it: the
    // panel's own tab may be in front here, so the page's tab is brought forward first.
    await eventually(() =>
      driver.background(async (g, tabId) => {
        await g.__cc.browser.tabs.update(tabId, { active: true });
        return g.__cc.browser.action!.getBadgeText({ tabId });
      }, tabId),
    ).toBe('4');

    // All: the page's case stays pinned; the rest by priority, only the rows in view in the page.
    await panel.click('[data-testid=view-all]');
    await eventually(async () => (await rowsIn(panel)).length).toBeGreaterThan(10);
    const all = await rowsIn(panel);
    expect(all[0]).toMatchObject({ author: 'Anouk de Vries', pinned: true });
    expect(all.slice(1, 4).map((r) => r.severity)).toEqual(['High', 'High', 'High']);
    expect(all.length).toBeLessThan(60);
    // Scrolled to the end, the last (lowest priority: low, oldest) case is rendered.
    await panel.evaluate(() => {
      const q = document.querySelector('[data-testid=queue]')!;
      q.scrollTop = q.scrollHeight;
    }, null);
    await eventually(async () => (await rowsIn(panel)).map((r) => r.author)).toContain('Vulling 0');

    // My cases, Unassigned.
    await panel.click('[data-testid=view-mine]');
    await eventually(async () => (await rowsIn(panel)).filter((r) => !r.pinned).map((r) => r.author)).toEqual([
      'Marloes de Vries',
      'Daan Mulder',
      'Kees Bakker',
    ]);
    await panel.click('[data-testid=view-unassigned]');
    await eventually(async () => (await rowsIn(panel)).length).toBe(6);
    expect(await count(panel, 'unassigned')).toBe('6');

    // Filters: severity, platform, owner, status (the page's own case stays pinned above).
    const listed = async () => (await rowsIn(panel)).filter((r) => !r.pinned).map((r) => r.author);
    await panel.click('[data-testid=view-all]');
    await panel.select('select[name=severityFilter]', 'high');
    await eventually(() => count(panel, 'all')).toBe('3');
    await panel.select('select[name=severityFilter]', '');
    await panel.select('select[name=platformFilter]', 'mastodon');
    await eventually(listed).toEqual(['Pieter Jansen']);
    await panel.select('select[name=platformFilter]', '');
    await panel.select('select[name=ownerFilter]', 'joost');
    await eventually(() => count(panel, 'all')).toBe('302');
    await panel.select('select[name=ownerFilter]', '*');
    await panel.select('select[name=statusFilter]', 'resolved');
    await eventually(listed).toEqual(['Grappenmaker']);
    expect(await panel.text('[data-testid=queue] [data-testid=excerpt]')).toBe('Closed: not a complaint');
    await panel.select('select[name=statusFilter]', 'open');

    // Search: author, handle, words; the counts follow.
    await panel.fill('input[name=search]', 'marl');
    await eventually(listed).toEqual(['Marloes de Vries']);
    expect(await count(panel, 'all')).toBe('1');
    await panel.fill('input[name=search]', '@klant3');
    await eventually(listed).toEqual(['Daan Mulder']);
    await panel.fill('input[name=search]', 'monteur storing');
    await eventually(listed).toEqual(['Fatima El Amrani']);
    await panel.fill('input[name=search]', 'wifi');
    await eventually(() => count(panel, 'all')).toBe('301');
    await panel.fill('input[name=search]', '');
    await eventually(() => count(panel, 'all')).toBe('311');

    // Reach and priority: the 40,200-follower, 48,200-view post shows its reach on the row; the open
    // row shows the figures and the priority (high 40 + reach 17 + age).
    await panel.fill('input[name=search]', 'marloes');
    await eventually(() => panel.text('[data-testid=queue] [data-testid=row-reach]')).toBe('48.2K');
    await panel.click('[data-testid=queue] .qrow-head');
    await eventually(() => panel.count('[data-testid=case-detail]')).toBe(1);
    expect(await panel.texts('[data-testid=case-detail] [data-testid=reach] li')).toEqual([
      '40.2K followers',
      '48.2K views',
      '312 replies',
      '20 reposts',
      '15 likes',
    ]);
    expect(Number(await panel.text('[data-testid=case-detail] [data-testid=priority]'))).toBeGreaterThanOrEqual(57);
    expect(await panel.text('[data-testid=case-detail] [data-testid=protocol]')).toContain(
      'Ask for the customer number',
    );
    // One open at a time.
    await panel.fill('input[name=search]', '');
    await panel.click('[data-testid=pinned] .qrow-head');
    await eventually(() => panel.count('[data-testid=case-detail]')).toBe(1);
    expect(await panel.text('[data-testid=case-detail] [data-testid=sla]')).toMatch(/^overdue by \d h( \d+ min)?$/);
    await expectAccessible(panel);
  },
);
