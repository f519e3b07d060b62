import { test, expect, openTab } from './fixtures';
import { runsIn } from './driver';
import { startBackend, type Backend } from './backend';
import { expectAccessible } from './workflow';

let backend: Backend;
test.beforeAll(async () => {
  backend = await startBackend();
});
test.afterAll(async () => backend?.stop());

interface RemoteCase {
  status: string;
  owner: string | null;
  history: { kind: string; text: string; by: string }[];
}

// Owner, status and decision changes made in the side panel reach the reference backend
// through the outbox, each with who made it; the sent case then links to its ticket.
test(
  'owner, status and decision changes reach the reference backend, and the case links to its ticket',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage }) => {
    const options = await openExtensionPage('options.html');
    await options.fill('input[name=agentName]', 'Sanne');
    await options.selectOption('select[name=backend]', 'http');
    await options.fill('input[name=backendUrl]', backend.url);
    await options.fill('input[name=token]', backend.token);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.getByTestId('options-message')).toHaveText('Saved.');

    const pageUrl = `${pages.origin}/blog-post.html`;
    const { tabId } = await openTab(context, pageUrl);
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect(popup.locator('textarea[name=text]')).toHaveValue(/Al drie weken/);
    await popup.locator('label.chip:has(input[value=high])').click();
    await popup.click('button[type=submit]');
    await expect(popup.getByTestId('saved')).toBeVisible();
    await expect.poll(async () => (await backend.stats()).cases, { timeout: 30_000 }).toBe(1);

    const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const card = panel.getByTestId('case-row');
    await expect(card).toHaveCount(1);
    await card.locator('.qrow-head').click();
    await card.getByRole('button', { name: 'Take ownership' }).click();
    await expect(card.getByTestId('owner')).toHaveText('Sanne');
    await card.locator('select[name=status]').selectOption('open');
    await expect(card.getByTestId('status')).toHaveText('Open');
    await card.locator('textarea[name=note]').fill('Refund one month');
    await card.getByRole('button', { name: 'Record decision' }).click();
    await card.locator('input[name=owner]').fill('Joost');
    await card.getByRole('button', { name: 'Assign' }).click();
    await expect(card.getByTestId('owner')).toHaveText('Joost');
    await expectAccessible(panel);

    const remote = async (): Promise<RemoteCase | undefined> => {
      const r = (await (
        await fetch(`${backend.url}/api/cases?url=${encodeURIComponent(pageUrl)}`, {
          headers: { authorization: `Bearer ${backend.token}` },
        })
      ).json()) as { cases?: RemoteCase[] };
      return r.cases?.[0];
    };
    await expect.poll(async () => (await remote())?.owner, { timeout: 30_000 }).toBe('Joost');
    const c = await remote();
    expect(c?.status).toBe('open');
    // With the single admin token the extension names the agent of a note or decision; an agent's own
    // token names them in every change (test/server/team.test.ts). Owner changes read "from → to".
    expect(c?.history.map((h) => [h.kind, h.text])).toEqual(
      expect.arrayContaining([
        ['owner', 'nobody → Sanne'],
        ['status', 'Status new → open'],
        ['decision', 'Refund one month'],
        ['owner', 'Sanne → Joost'],
      ]),
    );
    expect(c?.history.find((h) => h.kind === 'decision')?.by).toBe('Sanne');
    await expect(card.getByTestId('sync')).toHaveAttribute('data-state', 'sent');
    // A sent case links to its ticket in the backend.
    const ticket = card.getByRole('link', { name: 'Open in the case backend' });
    await expect(ticket).toHaveAttribute('href', new RegExp(`^${backend.url}/api/cases/[^/]+$`));
  },
);
