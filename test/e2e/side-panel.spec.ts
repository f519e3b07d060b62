import { test, expect, eventually, runsIn } from './driver';
import { openPopup, save } from './steps';

type ChromeApi = {
  sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> };
  runtime: { getContexts(f: object): Promise<{ documentUrl?: string; windowId: number }[]> };
};

// Chrome's own panel: the side_panel. The toolbar button keeps opening the popup (the panel opens
// from its own menu entry), and the popup's button opens the panel in the popup's window from the
// agent's click. Firefox's sidebar has its own spec.
test(
  'the toolbar keeps its popup, and the popup opens Chrome’s side panel',
  runsIn('chromium'),
  async ({ driver, pages }) => {
    expect(
      await driver.background((g) => (g.__cc.browser as unknown as ChromeApi).sidePanel.getPanelBehavior(), null),
    ).toEqual({ openPanelOnActionClick: false });

    const { tabId } = await driver.openTab(`${pages.origin}/blog-comments.html`);
    const popup = await openPopup(driver, tabId);
    await save(popup);
    const panels = () =>
      driver.background(
        async (g) =>
          (await (g.__cc.browser as unknown as ChromeApi).runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map(
            // A panel still loading has no document address yet: '' until it has.
            (c) => (c.documentUrl ? new URL(c.documentUrl).pathname : ''),
          ),
        null,
      );
    expect(await panels()).toEqual([]);
    expect(await popup.text('.saved .row button')).toBe('Open side panel');
    await popup.clickButton('Open side panel');
    await eventually(panels).toEqual(['/sidepanel.html']);
  },
);
