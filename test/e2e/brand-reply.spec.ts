import { test, expect, eventually, runsIn } from './driver';
import { xStatusPage, type XTweet } from './pages/generated';
import { choose, expectAccessible, openPanel, openRow, rows, save } from './steps';
import { seedSettings, teamSettings } from './seed';

const customer: XTweet = {
  handle: 'klantje',
  name: 'Klant Je',
  id: '1790000000000000501',
  text: 'Al twee dagen geen tv-signaal en de klantenservice neemt niet op.',
  at: new Date(Date.now() - 90 * 60_000).toISOString(),
  metrics: '3 replies, 0 reposts, 2 likes, 410 views',
};
const brand: XTweet = {
  handle: 'ZiggoWebcare',
  name: 'Ziggo Webcare',
  id: '1790000000000000503',
  text: 'Hoi! Vervelend dat je geen signaal hebt. Stuur je ons een DM met je postcode? ^Sanne',
  at: new Date(Date.now() - 30 * 60_000).toISOString(),
};
const other: XTweet = {
  handle: 'buurman',
  name: 'Buurman',
  id: '1790000000000000502',
  text: 'Hier ook niks.',
  at: new Date(Date.now() - 60 * 60_000).toISOString(),
};
const CUSTOMER_URL = `https://x.com/${customer.handle}/status/${customer.id}`;
const BRAND_URL = `https://x.com/${brand.handle}/status/${brand.id}`;

// Replying is part of the case: the brand's own accounts (options) are never offered as
// complaints, and their reply under a case's post, found on the page when the case is opened,
// marks it as answered with that reply's permalink; the time to first response is shown.
test(
  'the brand’s own post is not a complaint; its reply on the page marks the case as answered',
  runsIn('chromium'),
  async ({ driver }) => {
    await seedSettings(driver, teamSettings());
    // The customer's post, with the replies under it (one of them the brand's).
    const { tabId } = await driver.openTab(CUSTOMER_URL, xStatusPage(customer, [other, brand]));
    const popup = await driver.openExtensionPage(`popup.html?tabId=${tabId}`);
    await eventually(() => popup.count('form.review')).toBe(1);
    expect(await popup.texts('[data-testid=reach] li')).toEqual(['410 views', '3 replies', '0 reposts']);
    await choose(popup, 'severity', 'high');
    await save(popup);

    // The brand's reply on its own page: never a complaint form.
    const { tabId: brandTab } = await driver.openTab(BRAND_URL, xStatusPage(brand));
    const refused = await driver.openExtensionPage(`popup.html?tabId=${brandTab}`);
    await eventually(() => refused.text('[data-testid=refused] h1')).toBe('Not a complaint');
    expect(await refused.text('[data-testid=refused] p')).toBe(
      'This was written by your own account ZiggoWebcare, so it is not a complaint.',
    );
    expect(await rows(driver, 'cases')).toHaveLength(1);

    // The side panel on the customer's page: opening the case reads the page for the brand's reply.
    const panel = await openPanel(driver, tabId);
    await openRow(panel);
    await eventually(() => panel.text('[data-testid=brand-reply]')).toBe(
      'ZiggoWebcare replied on this page: the reply',
    );
    expect(await panel.value('input[name=answerUrl]')).toBe(BRAND_URL);
    expect(await panel.text('[data-testid=sla]')).toMatch(/^due in \d+ h/);
    await expectAccessible(panel);
    await panel.clickButton('Mark as answered');
    await eventually(() => panel.text('[data-testid=answered]')).toMatch(
      /^Answered \d{1,2}:\d\d( [AP]M)? \(recorded by Sanne\)\. the reply$/,
    );
    expect(await panel.text('[data-testid=sla]')).toMatch(/^answered \d{1,2}:\d\d( [AP]M)?, after \d+ min$/);
    const [kase] = await rows<{ firstResponse: { url: string; by: string } | null }>(driver, 'cases');
    expect(kase?.firstResponse).toMatchObject({ url: BRAND_URL, by: 'Sanne' });
  },
);
