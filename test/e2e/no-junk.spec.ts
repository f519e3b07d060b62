import { test, expect, eventually, runsIn } from './driver';
import { startBackend, type Backend } from './backend';
import { choose, connectBackend, expectAccessible, openPanel, openPopup, openRow, rows, save } from './steps';
import { caseOf, post, seedRows } from './seed';

// No junk, and mistakes can be undone: a page that cannot be read gets a message, not a form; a
// capture without text cannot be saved until the agent types it; a case that never left this
// browser can be deleted; one already sent is closed as "not a complaint" (the backend gets it);
// two cases about the same complaint are merged into one.

test(
  'browser and extension pages get a message, not a form, and no case is made',
  runsIn('chromium'),
  async ({ driver }) => {
    for (const url of ['about:blank', 'chrome://version/']) {
      const { tabId } = await driver.openTab(url);
      const popup = await driver.openExtensionPage(`popup.html?tabId=${tabId}`);
      await eventually(() => popup.text('[data-testid=refused] h1')).toBe('Complaint Capture can’t read this page');
      expect(await popup.count('form')).toBe(0);
      expect(await popup.evaluate(() => document.body.innerText, null)).not.toContain('unknown.invalid');
      await expectAccessible(popup);
    }
    // An extension page of its own, open in a tab, is not a page to capture either.
    const own = await driver.openExtensionPage('options.html');
    const tab = await driver.background(
      async (g) => (await g.__cc.browser.tabs.query({})).find((t) => t.url?.includes('options.html'))?.id ?? null,
      null,
    );
    const popup = await driver.openExtensionPage(`popup.html?tabId=${tab}`);
    await eventually(() => popup.text('[data-testid=refused] h1')).toBe('Complaint Capture can’t read this page');
    await own.close();
    expect(await rows(driver, 'cases')).toEqual([]);
  },
);

test(
  'a page with only "Loading…" gives no text: Save is refused until the agent types it',
  runsIn('chromium'),
  async ({ driver, pages }) => {
    const { tabId } = await driver.openTab(`${pages.origin}/loading.html`);
    const popup = await driver.openExtensionPage(`popup.html?tabId=${tabId}`);
    await eventually(() => popup.count('form.review')).toBe(1);
    expect(await popup.value('textarea[name=text]')).toBe('');
    expect(await popup.text('[data-testid=quote]')).toBe('No text was read: type it under “What was read”.');
    await choose(popup, 'category', 'outage');
    await choose(popup, 'severity', 'high');
    await popup.click('button[type=submit]');
    await eventually(() => popup.text('[data-testid=save-problem]')).toBe(
      'Type what the customer wrote: a case needs its text.',
    );
    // The folded fields open on the one to fix, highlighted.
    expect(await popup.attribute('details.read', 'open')).toBe('');
    expect(await popup.attribute('textarea[name=text]', 'aria-invalid')).toBe('true');
    expect(await rows(driver, 'cases')).toEqual([]);
    await popup.fill('textarea[name=text]', 'Loading…');
    await popup.click('button[type=submit]');
    await eventually(() => popup.text('[data-testid=save-problem]')).toBe(
      'Type what the customer wrote: a case needs its text.',
    );
    await popup.fill('textarea[name=text]', 'De app laadt al een week niet, ik kan mijn rekening niet zien.');
    await save(popup);
    expect((await rows<{ text: string }>(driver, 'mentions')).map((m) => m.text)).toEqual([
      'De app laadt al een week niet, ik kan mijn rekening niet zien.',
    ]);
  },
);

test(
  'a case that never left this browser is deleted, with its mention and its waiting push',
  runsIn('chromium'),
  async ({ driver, pages }) => {
    const { tabId } = await driver.openTab(`${pages.origin}/blog-post.html`);
    await save(await openPopup(driver, tabId));
    const panel = await openPanel(driver, tabId);
    await openRow(panel);
    await panel.click('[data-testid=undo] summary');
    await panel.clickButton('Delete this case');
    await panel.clickButton('Delete for good');
    await eventually(() => panel.count('[data-testid=case-row]')).toBe(0);
    expect(await rows(driver, 'cases')).toEqual([]);
    expect(await rows(driver, 'mentions')).toEqual([]);
    expect(await rows(driver, 'outbox')).toEqual([]);
  },
);

test(
  'two cases about the same complaint are merged: the other leaves the queue, its post and history come along',
  runsIn('chromium'),
  async ({ driver, pages }) => {
    const pageUrl = `${pages.origin}/blog-post.html`;
    const review = { category: 'outage' as const, severity: 'high' as const, owner: null, note: '' };
    const a = caseOf(
      post({
        platform: 'blog',
        url: pageUrl,
        author: { name: 'Anouk de Vries', handle: null, profileUrl: null, followers: null },
        text: 'Drie weken geen internet.',
      }),
      { ...review, note: 'Eerste melding' },
      2,
    );
    const b = caseOf(
      post({
        url: 'https://x.com/anoukdv/status/1790000000000000444',
        author: { name: 'Anouk', handle: 'anoukdv', profileUrl: null, followers: 90 },
        text: 'Nog steeds geen internet, al drie weken.',
      }),
      { ...review, note: 'Zelfde klant op X' },
      1,
    );
    await seedRows(driver, { cases: [a.kase, b.kase], mentions: [a.mention, b.mention], outbox: [] });
    const { tabId } = await driver.openTab(pageUrl);
    const panel = await openPanel(driver, tabId);
    await openRow(panel);
    await panel.click('[data-testid=undo] summary');
    await panel.fill('input[name=mergeSearch]', 'anoukdv');
    await eventually(() => panel.count('input[name=mergeWith]')).toBe(1);
    await panel.click('input[name=mergeWith]');
    await panel.clickButton('Merge into this case');
    // One case in the queue, holding both posts and both histories.
    await panel.click('[data-testid=view-all]');
    await eventually(() => panel.count('[data-testid=case-row]')).toBe(1);
    const cases = await rows<{ id: string; mentionIds: string[]; mergedInto: string | null; status: string }>(
      driver,
      'cases',
    );
    const kept = cases.find((c) => c.id === a.kase.id)!;
    const gone = cases.find((c) => c.id === b.kase.id)!;
    expect(kept.mentionIds).toEqual([a.mention.id, b.mention.id]);
    expect([gone.mergedInto, gone.status]).toEqual([a.kase.id, 'resolved']);
    await panel.click('[data-testid=history] summary');
    await eventually(() => panel.text('[data-testid=history] .log')).toContain(
      'Merged with the case of Anouk: its posts and history moved here',
    );
    expect(await panel.text('[data-testid=history] .log')).toContain('Zelfde klant op X');
  },
);

let backend: Backend;
test.describe('with the team’s backend', () => {
  test.beforeAll(async () => {
    backend = await startBackend();
  });
  test.afterAll(async () => backend?.stop());

  test(
    'a case already sent cannot be deleted: it is closed as not a complaint, with the reason, on the backend too',
    runsIn('chromium'),
    async ({ driver, pages }) => {
      await connectBackend(driver, backend, 'Sanne');
      const pageUrl = `${pages.origin}/blog-post.html`;
      const { tabId } = await driver.openTab(pageUrl);
      await save(await openPopup(driver, tabId));
      await eventually(async () => (await backend.stats()).cases, 30_000).toBe(1);
      const panel = await openPanel(driver, tabId);
      await eventually(() => panel.attribute('[data-testid=case-row] [data-testid=sync]', 'data-state')).toBe('sent');
      await openRow(panel);
      await panel.click('[data-testid=undo] summary');
      expect(await panel.texts('[data-testid=undo] button')).not.toContain('Delete this case');
      await panel.fill('input[name=reason]', 'A joke between friends, not a complaint');
      await panel.clickButton('Close as not a complaint');
      await eventually(() => panel.text('[data-testid=case-row] [data-testid=status]')).toBe('Resolved');
      expect(await panel.text('[data-testid=case-row] [data-testid=excerpt]')).toBe('Closed: not a complaint');
      const remote = async () => {
        const r = await fetch(`${backend.url}/api/cases?url=${encodeURIComponent(pageUrl)}`, {
          headers: { authorization: `Bearer ${backend.token}` },
        });
        return ((await r.json()) as { cases: { status: string; history: { text: string }[] }[] }).cases[0];
      };
      await eventually(async () => (await remote())?.status, 30_000).toBe('resolved');
      expect((await remote())?.history.map((h) => h.text)).toContain(
        'Closed as not a complaint: A joke between friends, not a complaint',
      );
      await expectAccessible(panel);
    },
  );
});
