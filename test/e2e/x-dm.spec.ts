import type { Page } from '@playwright/test';
import { runsIn } from './driver';
import { test, expect, tabIdOf } from './fixtures';
import { openSite } from './social';
import { decideAndSave, expectAccessible, localInput, reportViaMenu, rows } from './workflow';

const CHAT = 'https://x.com/i/chat/1461234567890123456-1598765432109876543';
const CLASSIC = 'https://x.com/messages/1461234567890123456-1598765432109876543';
const CUSTOMER = [
  'Hoi, mijn internet ligt er al sinds vrijdag uit. Postcode 3581 AB.',
  'De monteur zou vandaag tussen 8 en 12 komen maar er is niemand geweest.',
  'Hallo?? Nog steeds niks. Ik wil nu echt weten wanneer iemand komt.',
];
const BRAND = [
  'Hoi Marloes, wat vervelend! Ik zie de afspraak staan en zet er een spoedmelding op.',
  'Excuses voor het wachten. De monteur komt vanmiddag tussen 13 en 15 uur.',
];

/** The newer chat as X serves it lately: inside the open shadow root of xchatEmbedRoute. */
const inShadowRoot = (html: string) =>
  html
    .replace(
      '<div data-testid="dm-container"',
      '<div data-testid="xchatEmbedRoute"><template shadowrootmode="open"><div data-testid="dm-container"',
    )
    .replace('</div></main>', '</div></template></div></main>');

/** Switches the capture of direct messages on, as an agent does in the options. */
async function allowDms(openExtensionPage: (path: string) => Promise<Page>): Promise<void> {
  const options = await openExtensionPage('options.html');
  await expect(options.getByTestId('dm-opt-state')).toHaveText('Direct messages are never read.');
  await options.locator('input[name=dmCapture]').check();
  await expect(options.getByTestId('dm-opt-state')).toHaveText('Direct messages are captured when you ask.');
  await options.close();
}

const messages = (review: Page) => review.getByTestId('dm-messages').locator('li .dm-text');

test(
  'direct messages are off by default: the popup and the menu refuse a conversation and read nothing',
  runsIn('chromium'),
  async ({ context, openExtensionPage }) => {
    const { page, tabId } = await openSite(context, CHAT, 'x-dm/chat-conversation.html');
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect(popup.getByTestId('dm-refused')).toContainText('Direct messages are not captured');
    await expect(popup.getByTestId('dm-refused')).toContainText('Nothing of this conversation was read.');
    await expect(popup.locator('textarea[name=text]')).toHaveCount(0);
    await expectAccessible(popup);
    await popup.close();

    await page.hover(`[data-testid="message-text-1c2f7d3b-8e5a-4b9f-8d4c-2a3b4c5d6e7f"] span[dir="auto"]`);
    const review = await reportViaMenu(context, tabId);
    await expect(review.getByTestId('dm-refused')).toBeVisible();
    // The pending capture the menu made holds no word of the conversation, not even its title.
    const kept = JSON.stringify(
      await (
        await context.serviceWorkers()[0]!
      ).evaluate(() =>
        (
          globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<unknown> } } } }
        ).chrome.storage.session.get(null),
      ),
    );
    for (const text of [...CUSTOMER, ...BRAND, 'Marloes']) expect(kept).not.toContain(text);
    expect(await rows(context, 'mentions')).toEqual([]);
  },
);

test(
  'off: a conversation in the message drawer over a timeline is refused too; the tweets beside it are captured',
  runsIn('chromium'),
  async ({ context }) => {
    const home = `<!doctype html><html lang="en"><body><main role="main"><div data-testid="primaryColumn">
<article data-testid="tweet" role="article"><div data-testid="User-Name"><a href="/klant1"><div dir="ltr"><span>Klant Een</span></div></a><span>@klant1</span></div>
<a href="/klant1/status/1860000000000000001"><time datetime="2026-11-20T08:00:00.000Z">Nov 20</time></a>
<div data-testid="tweetText" lang="nl"><span>Mijn pakket is al twee weken zoek.</span></div></article></div></main>
<aside data-testid="DMDrawer"><div data-testid="DmActivityViewport"><div data-testid="messageEntry">
<a data-testid="DM_Conversation_Avatar" href="/marloes_k">avatar</a><div data-testid="tweetText" lang="nl"><span>${CUSTOMER[0]}</span></div></div></div></aside></body></html>`;
    await context.route('https://x.com/home', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: home }),
    );
    const page = await context.newPage();
    await page.goto('https://x.com/home');
    const tabId = await tabIdOf(context, 'https://x.com/home');
    await page.hover('[data-testid="DMDrawer"] [data-testid="tweetText"] span');
    const refused = await reportViaMenu(context, tabId);
    await expect(refused.getByTestId('dm-refused')).toBeVisible();
    await refused.close();
    await page.hover('article [data-testid="tweetText"] span');
    const review = await reportViaMenu(context, tabId);
    await expect(review.locator('textarea[name=text]')).toHaveValue('Mijn pakket is al twee weken zoek.');
  },
);

test(
  'newer chat view, allowed: the menu takes the message pointed at, the toolbar the customer’s last N, never the brand’s; a range past the loaded messages says so',
  runsIn('chromium'),
  async ({ context, openExtensionPage }) => {
    await allowDms(openExtensionPage);
    const { page, tabId } = await openSite(context, CHAT, 'x-dm/chat-conversation.html');

    await test.step('menu on one of the customer’s messages: that message', async () => {
      await page.hover(`[data-testid="message-text-1c2f7d3b-8e5a-4b9f-8d4c-2a3b4c5d6e7f"] span[dir="auto"]`);
      const review = await reportViaMenu(context, tabId);
      await expect(review.getByTestId('dm-private')).toHaveText('Private message');
      await expect(review.locator('textarea[name=text]')).toHaveValue(CUSTOMER[1]!);
      await expect(review.locator('input[name=authorHandle]')).toHaveValue('marloes_k');
      await expect(review.locator('input[name=url]')).toHaveValue(CHAT);
      await expect(messages(review)).toHaveText([CUSTOMER[1]!]);
      await review.close();
    });

    await test.step('menu on the brand’s own message: never the complaint', async () => {
      await page.hover(`[data-testid="message-text-2d3a8e4c-9f6b-4cae-9e5d-3b4c5d6e7f80"] span[dir="auto"]`);
      const review = await reportViaMenu(context, tabId);
      await expect(review.locator('textarea[name=text]')).toHaveValue(CUSTOMER[2]!);
      await expect(review.locator('.warnings')).toContainText(
        'The message under the pointer is your own: the customer’s latest message was captured',
      );
      await review.close();
    });

    await test.step('toolbar: the last N from the customer, read again with another N', async () => {
      const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
      await expect(popup.getByTestId('dm-private')).toBeVisible();
      await expect(popup.locator('textarea[name=text]')).toHaveValue(CUSTOMER[2]!);
      await expect(messages(popup)).toHaveText([CUSTOMER[2]!]);
      await popup.fill('input[name=dmLast]', '2');
      await popup.getByRole('button', { name: 'Read again' }).click();
      await expect(messages(popup)).toHaveText([CUSTOMER[1]!, CUSTOMER[2]!]);
      await expect(popup.getByTestId('dm-past-loaded')).toHaveCount(0);
      await popup.fill('input[name=dmLast]', '5');
      await popup.getByRole('button', { name: 'Read again' }).click();
      await expect(messages(popup)).toHaveText(CUSTOMER);
      await expect(popup.getByTestId('dm-past-loaded')).toContainText('only 3 from the customer');
      await expectAccessible(popup);
      await decideAndSave(popup);
      await expect(popup.getByTestId('saved')).toBeVisible();
    });

    const stored = await rows<{ kind: string; text: string; author: { handle: string }; threadJson?: string }>(
      context,
      'mentions',
    );
    expect(stored.map((m) => m.text).sort()).toEqual([...CUSTOMER].sort());
    expect(stored.every((m) => m.kind === 'dm' && m.author.handle === 'marloes_k')).toBe(true);
    // The brand's replies are kept as the exchange's context, never as a mention.
    const context_ = stored.find((m) => m.threadJson)!;
    expect(JSON.parse(context_.threadJson!).comments.map((c: { text: string }) => c.text)).toEqual([
      CUSTOMER[0],
      CUSTOMER[1],
      BRAND[0],
      CUSTOMER[2],
      BRAND[1],
    ]);
    const [kase] = await rows<{ mentionIds: string[]; log: { code?: string }[] }>(context, 'cases');
    expect(kase?.mentionIds).toHaveLength(3);
    // Evidence is on, yet no image was taken of the conversation, by the menu or the toolbar (a
    // private view), and the case does not report one as missing either.
    expect(await rows(context, 'evidence')).toEqual([]);
    expect(kase?.log.filter((l) => l.code === 'evidence_missing')).toEqual([]);
  },
);

test(
  'classic view, allowed: the last N from the customer, and the message pointed at',
  runsIn('chromium'),
  async ({ context, openExtensionPage }) => {
    await allowDms(openExtensionPage);
    const { page, tabId } = await openSite(context, CLASSIC, 'x-dm/classic-conversation.html');
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect(popup.getByTestId('dm-private')).toBeVisible();
    await popup.fill('input[name=dmLast]', '2');
    await popup.getByRole('button', { name: 'Read again' }).click();
    await expect(messages(popup)).toHaveText([
      'Klantnummer 4471209. Het gaat om 2x 89,95 euro.',
      'En ik wil het geld deze week terug, ik sta nu rood.',
    ]);
    // The newest message's time, shown in local time (stored as the instant, checked below).
    await expect(popup.locator('input[name=publishedAt]')).toHaveValue(localInput('2025-12-30T13:25:00.000Z'));
    await decideAndSave(popup);
    await expect(popup.getByTestId('saved')).toBeVisible();

    await page.hover('[data-testid="cellInnerDiv"]:nth-child(1) [data-testid="tweetText"] span');
    const review = await reportViaMenu(context, tabId);
    await expect(review.locator('textarea[name=text]')).toHaveValue(
      'Goedemiddag, sinds gisteren is mijn factuur twee keer afgeschreven.',
    );
    await expect(messages(review)).toHaveCount(1);
    const stored = await rows<{ text: string; publishedAt: string }>(context, 'mentions');
    expect(stored.find((m) => m.text.startsWith('En ik wil het geld'))?.publishedAt).toBe('2025-12-30T13:25:00.000Z');
    const texts = stored.map((m) => m.text);
    expect(texts).not.toContain('Dag Marloes, dat zoeken we voor je uit. Wat is je klantnummer?');
    expect(texts).toHaveLength(2);
  },
);

test(
  'newer chat inside X’s shadow root, allowed: the toolbar and the menu read it',
  runsIn('chromium'),
  async ({ context, openExtensionPage }) => {
    await allowDms(openExtensionPage);
    const { page, tabId } = await openSite(context, CHAT, 'x-dm/chat-conversation.html', inShadowRoot);
    expect(await page.locator('[data-testid="xchatEmbedRoute"]').evaluate((h) => h.shadowRoot !== null)).toBe(true);
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect(popup.locator('textarea[name=text]')).toHaveValue(CUSTOMER[2]!);
    await expect(popup.locator('input[name=authorName]')).toHaveValue('Marloes K.');
    await popup.close();

    await page.hover(`[data-testid="message-text-0b1e6c2a-7d4f-4a8e-9c3b-1f2e3d4c5b6a"] span[dir="auto"]`);
    const review = await reportViaMenu(context, tabId);
    await expect(review.locator('textarea[name=text]')).toHaveValue(CUSTOMER[0]!);
  },
);
