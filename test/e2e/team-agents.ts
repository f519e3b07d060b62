import { expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from './backend';
import { extensionIdOf, launchBrowser, openTab } from './fixtures';

/** One agent at work: their own browser profile, connected to the team's backend with their own token. */
export interface Agent {
  name: string;
  context: BrowserContext;
  open(path: string): Promise<Page>;
  /** Opens `url` in a tab and that tab's side panel (the e2e build pins the panel to it). */
  panelOn(url: string): Promise<{ tabId: number; panel: Page }>;
  close(): Promise<void>;
}

/** Makes an agent on the reference backend (through its admin API) and answers their token. */
export async function addAgent(backend: Backend, name: string): Promise<string> {
  const r = await fetch(`${backend.url}/api/agents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return ((await r.json()) as { token: string }).token;
}

/**
 * Launches a browser profile of its own for `name` and connects it to the backend with their token,
 * no name typed: the backend says who the token belongs to.
 */
export async function agentBrowser(name: string, token: string, backend: Backend, locale = 'en-US'): Promise<Agent> {
  const dir = mkdtempSync(join(tmpdir(), `cc-agent-${name}-`));
  const context = await launchBrowser(dir, locale);
  const id = await extensionIdOf(context);
  const open = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/${path}`);
    return page;
  };
  const options = await open('options.html');
  await options.selectOption('select[name=backend]', 'http');
  await options.fill('input[name=backendUrl]', backend.url);
  await options.fill('input[name=token]', token);
  await options.getByRole('button', { name: locale.startsWith('nl') ? 'Opslaan' : 'Save', exact: true }).click();
  await expect(options.getByTestId('options-message')).not.toBeEmpty();
  await options.close();
  return {
    name,
    context,
    open,
    panelOn: async (url) => {
      const { tabId } = await openTab(context, url);
      return { tabId, panel: await open(`sidepanel.html?tabId=${tabId}`) };
    },
    close: async () => {
      await context.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Picks severity (and category) in an open popup and saves; answers when the popup says saved. */
export async function saveInPopup(popup: Page, category = 'outage'): Promise<void> {
  await expect(popup.locator('textarea[name=text]')).not.toHaveValue('');
  await popup.locator(`input[name=category][value=${category}]`).check();
  await popup.locator('label.chip:has(input[value=high])').click();
  await popup.click('button[type=submit]');
}

/** The reference backend's cases for a post, read with the admin token. */
export async function casesOn(
  backend: Backend,
  url: string,
): Promise<{ id: string; status: string; owner: string | null }[]> {
  const r = await fetch(`${backend.url}/api/cases?url=${encodeURIComponent(url)}`, {
    headers: { authorization: `Bearer ${backend.token}` },
  });
  return ((await r.json()) as { cases: { id: string; status: string; owner: string | null }[] }).cases;
}

/**
 * Waits for `check` to pass and answers how long that took from `since` (epoch ms): how long a
 * change took to reach the other agent's panel. The wait itself is generous (a shared machine).
 */
export async function latencyOf(since: number, check: () => Promise<void>, timeout = 60_000): Promise<number> {
  await expect(check).toPass({ timeout, intervals: [100, 250, 500] });
  return Date.now() - since;
}
