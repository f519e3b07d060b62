import { test, expect, openTab } from './fixtures';
import { runsIn } from './driver';
import { expectAccessible, rows } from './workflow';
import { saveInPopup } from './team-agents';

// With no agent name known (no backend to say it, none in the options), the first action on a case
// asks for it and then goes on: the change is recorded under that name, never as "agent". With no
// backend, a hand-off goes to a typed name.
test(
  'the first action without a name asks for it; a hand-off with no backend takes a typed name',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage }) => {
    const { tabId } = await openTab(context, `${pages.origin}/blog-post.html`);
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await saveInPopup(popup);
    await expect(popup.getByTestId('saved')).toBeVisible();
    const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const row = panel.getByTestId('case-row');
    await row.locator('.qrow-head').click();
    await row.getByRole('button', { name: 'Take ownership' }).click();
    const ask = row.getByTestId('name-prompt');
    await expect(ask).toContainText('Your name first');
    await expectAccessible(panel);
    await ask.locator('input[name=agentName]').fill('Sanne');
    await ask.getByRole('button', { name: 'Save and continue' }).click();
    await expect(row.getByTestId('owner')).toHaveText('Sanne');
    await expect(ask).toHaveCount(0);

    await row.getByRole('button', { name: 'Hand off…' }).click();
    const picker = row.getByTestId('handoff');
    await expect(picker.locator('select[name=handoffTo]')).toHaveCount(0);
    await picker.locator('input[name=handoffName]').fill('Joost');
    await picker.locator('textarea[name=handoffNote]').fill('Customer called twice');
    await picker.getByRole('button', { name: 'Hand off', exact: true }).click();
    await expect(row.getByTestId('owner')).toHaveText('Joost');

    const [c] = await rows<{ owner: string; log: { by: string; kind: string; text: string }[] }>(context, 'cases');
    const changes = c!.log.filter((e) => e.kind === 'owner');
    expect(changes.map((e) => e.by)).toEqual(['Sanne', 'Sanne']);
    // The hand-off's note is kept with it, by the same agent.
    expect(c!.log.at(-1)).toMatchObject({ kind: 'note', by: 'Sanne', text: 'Customer called twice' });
    expect(c!.log.some((e) => e.by === 'agent' && e.kind !== 'created')).toBe(false);
  },
);
