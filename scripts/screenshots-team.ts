/**
 * `npm run screenshots:team`: PNGs of the team features, in English and Dutch, into
 * docs/screenshots/: two agents (Anna and Bram), each in a Chromium profile of their own, on one
 * reference backend with their own tokens, doing the real thing through the extension's pages
 * (no DOM edits). The side panel at 400×900, the popup at 400×600:
 *
 * - team-page: "This page" with Bram's own case and Anna's cases of the post and its author
 * - team-popup-duplicate, team-popup-author: Bram's popup on a post Anna has; on another post of that author
 * - team-case: a colleague's case open, "Anna is on this" and the team's history
 * - team-take-confirm: taking a case Anna owns asks first
 * - team-handoff: Anna's hand-off picker, Bram picked from the team's list, with a note
 * - team-handed: Bram's panel, "handed to you" and the note first
 * - team-unavailable: the backend stopped, the local cases still listed
 *
 * Needs the e2e build first (`npm run build:e2e:chromium`, which the npm script runs).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startBackend } from '../test/e2e/backend';
import { startPageServer } from '../test/e2e/page-server';
import { addAgent, agentBrowser, saveInPopup, type Agent } from '../test/e2e/team-agents';

const out = resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(out, { recursive: true });

async function shoot(page: Page, name: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(400);
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

const WORDS = {
  en: {
    take: 'Take ownership',
    handOff: 'Hand off…',
    decision: 'Record decision',
    note: 'Add note',
    decisionText: 'Refund one month, credited on the next invoice',
    noteText: 'Called her back at 10:00, no answer. Trying again after 17:00.',
    handoffNote: 'She prefers a call after 17:00. Refund is promised: please confirm by phone.',
  },
  nl: {
    take: 'Eigenaar worden',
    handOff: 'Overdragen…',
    decision: 'Besluit vastleggen',
    note: 'Notitie toevoegen',
    decisionText: 'Eén maand terugbetalen, verrekend op de volgende factuur',
    noteText: 'Om 10:00 teruggebeld, geen gehoor. Na 17:00 opnieuw proberen.',
    handoffNote: 'Ze wordt liever na 17:00 gebeld. Terugbetaling is toegezegd: graag telefonisch bevestigen.',
  },
} as const;

async function capture(agent: Agent, url: string, category: string): Promise<void> {
  const { tabId, panel } = await agent.panelOn(url);
  await panel.close();
  const popup = await agent.open(`popup.html?tabId=${tabId}`);
  await saveInPopup(popup, category);
  await popup.getByTestId('saved').waitFor();
  await popup.close();
}

const pages = await startPageServer(resolve('test/e2e/pages'));
try {
  for (const [lang, locale] of [
    ['en', 'en-US'],
    ['nl', 'nl'],
  ] as const) {
    const w = WORDS[lang];
    const backend = await startBackend();
    let running = true;
    const anna = await agentBrowser('Anna', await addAgent(backend, 'Anna'), backend, locale);
    const bram = await agentBrowser('Bram', await addAgent(backend, 'Bram'), backend, locale);
    try {
      const post = `${pages.origin}/blog-post.html`;
      await capture(anna, post, 'outage');
      await capture(anna, `${pages.origin}/blog-other.html`, 'billing');

      // Bram on another post of the same author: the popup offers the author's open team cases.
      const own = await bram.panelOn(`${pages.origin}/blog-comments.html`);
      const popupB = await bram.open(`popup.html?tabId=${own.tabId}`);
      await popupB.locator('form.review').waitFor();
      await popupB
        .getByTestId('author-cases')
        .waitFor({ timeout: 15_000 })
        .catch(() => {});
      await shoot(popupB, `team-popup-author-${lang}`, 400, 600);
      await saveInPopup(popupB, 'service');
      await popupB.getByTestId('saved').waitFor();
      await popupB.close();

      // Bram's panel on Anna's post: his own case and Anna's, one list.
      const b = await bram.panelOn(post);
      await b.panel.locator('[data-testid=pinned] [data-testid=captured-by]').waitFor();
      await b.panel.locator('[data-testid=case-row]').nth(2).waitFor();
      await shoot(b.panel, `team-page-${lang}`, 400, 900);

      const dup = await bram.open(`popup.html?tabId=${b.tabId}`);
      await dup.getByTestId('duplicate').waitFor();
      await shoot(dup, `team-popup-duplicate-${lang}`, 400, 600);
      await dup.close();

      // Anna works on her case; Bram opens it.
      const a = await anna.panelOn(post);
      const aRow = a.panel.locator('[data-testid=pinned] [data-testid=case-row]');
      await aRow.locator('.qrow-head').click();
      await aRow.getByRole('button', { name: w.take }).click();
      await aRow.locator('select[name=status]').selectOption('open');
      await aRow.locator('textarea[name=note]').fill(w.decisionText);
      await aRow.getByRole('button', { name: w.decision }).click();
      await aRow.locator('textarea[name=note]:placeholder-shown').waitFor();
      await aRow.locator('textarea[name=note]').fill(w.noteText);
      await aRow.getByRole('button', { name: w.note }).click();
      const bRow = b.panel.locator('[data-testid=pinned] [data-testid=case-row]');
      await bRow.locator('.qrow-head').click();
      await bRow.getByTestId('on-this').waitFor({ timeout: 30_000 });
      await bRow.getByTestId('team-history').getByText(w.noteText).waitFor({ timeout: 30_000 });
      await shoot(b.panel, `team-case-${lang}`, 400, 900);

      await bRow.getByRole('button', { name: w.take }).click();
      await bRow.getByTestId('take-confirm').waitFor();
      await bRow.getByTestId('take-confirm').scrollIntoViewIfNeeded();
      await shoot(b.panel, `team-take-confirm-${lang}`, 400, 900);
      await bRow.locator('[data-testid=take-confirm] button.secondary').click();

      await aRow.getByRole('button', { name: w.handOff }).click();
      const picker = aRow.getByTestId('handoff');
      await picker.locator('select[name=handoffTo]').selectOption({ label: 'Bram' });
      await picker.locator('textarea[name=handoffNote]').fill(w.handoffNote);
      await picker.scrollIntoViewIfNeeded();
      await shoot(a.panel, `team-handoff-${lang}`, 400, 900);
      await picker.locator('button[type=submit]').click();
      await aRow.getByTestId('owner-done').waitFor();

      await bRow.getByTestId('handed-to-you').waitFor({ timeout: 30_000 });
      await b.panel.evaluate(() => window.scrollTo(0, 0));
      await shoot(b.panel, `team-handed-${lang}`, 400, 900);

      await backend.stop();
      running = false;
      await b.panel.reload();
      await b.panel.getByTestId('team-unavailable').waitFor({ timeout: 30_000 });
      await shoot(b.panel, `team-unavailable-${lang}`, 400, 900);
    } finally {
      await anna.close();
      await bram.close();
      if (running) await backend.stop();
    }
  }
} finally {
  await pages.close();
}
