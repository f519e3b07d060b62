import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { E2EPage, MenuClick } from './types';
import { read } from './dom-reads';

const axeSource = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** An E2EPage over a puppeteer page (Firefox over WebDriver BiDi). */
export function wrapPuppeteerPage(page: Page): E2EPage {
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => void requests.push(r.url()));
  return {
    value: (s) => page.evaluate(read.value, s),
    text: (s) => page.evaluate(read.text, s),
    texts: (s) => page.evaluate(read.texts, s),
    count: (s) => page.evaluate(read.count, s),
    attribute: (s, name) => page.evaluate(read.attribute, [s, name] as [string, string]),
    fill: (s, value) => page.locator(s).fill(value),
    click: (s) => page.locator(s).click(),
    clickButton: (name) => page.locator(`::-p-aria([name="${name}"][role="button"])`).click(),
    select: async (s, value) => void (await page.select(s, value)),
    hover: (s) => page.locator(s).hover(),
    rightClick: async (s): Promise<MenuClick> => {
      // Firefox names the right-clicked element to menus.getTargetElement by the contextmenu
      // event's time stamp, floored (its ContextMenuChild keeps the target under that id).
      await page.evaluate(() => {
        const w = window as unknown as { __ccMenuTarget?: number };
        w.__ccMenuTarget = undefined;
        addEventListener('contextmenu', (e) => (w.__ccMenuTarget = Math.floor(e.timeStamp)), {
          capture: true,
          once: true,
        });
      });
      await page.locator(s).click({ button: 'right' });
      const id = await page.evaluate(() => (window as unknown as { __ccMenuTarget?: number }).__ccMenuTarget ?? null);
      await page.keyboard.press('Escape');
      return id === null ? {} : { targetElementId: id };
    },
    bringToFront: () => page.bringToFront(),
    evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => page.evaluate(fn as never, arg) as Promise<T>,
    axeViolations: async () => {
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
      return page.evaluate(
        `axe.run(document).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
      ) as Promise<string[]>;
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (path) => void (await page.screenshot({ path })),
    dialogs: () => dialogs,
    requests: () => requests,
    close: () => page.close(),
  };
}
