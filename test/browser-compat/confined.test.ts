import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Folders that are not product code: tests, tools, the reference server, generated output. */
const NOT_PRODUCT = new Set(['test', 'bench', 'scripts', 'server', 'docs', 'public', 'node_modules']);

/** Every .ts/.tsx file of the product, outside `skip`, with comments removed. */
function productSources(skip: string): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = dir === '.' ? e.name : join(dir, e.name);
      if (e.name.startsWith('.') || path === skip || (dir === '.' && NOT_PRODUCT.has(e.name))) continue;
      if (e.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.config.ts') && !e.name.endsWith('.d.ts'))
        out.push({ file: path, code: readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') });
    }
  };
  walk('.');
  return out;
}

/** The browser APIs whose name or presence differs between Chrome (MV3) and Firefox (MV2). */
const BROWSER_SPECIFIC =
  /\bbrowserAction\b|\bsidebarAction\b|\.sidePanel\b|\.menus\b|\.contextMenus\b|\bbrowser\.action\b|setAccessLevel/;

describe('browser differences live in browser-compat/', () => {
  const files = productSources('browser-compat');

  it('scans the product code', () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['background/start.ts', 'markers/marker.ts']));
  });

  it('no product file outside it touches action/browserAction, menus, sidePanel/sidebarAction', () => {
    const offenders = files.filter((f) => BROWSER_SPECIFIC.test(f.code)).map((f) => f.file);
    expect(offenders, 'use browser-compat/ (see its README) instead').toEqual([]);
  });

  it('the pattern catches each of them', () => {
    for (const line of [
      'browser.action.setTitle({ title })',
      '(browser as any).browserAction.openPopup()',
      'browser.sidePanel.open({ tabId })',
      'browser.sidebarAction.open()',
      'browser.menus.getTargetElement(id)',
      'chrome.contextMenus.create({})',
      'browser.storage.local.setAccessLevel({})',
    ])
      expect(BROWSER_SPECIFIC.test(line), line).toBe(true);
  });

  it('only background/badge.ts sets the toolbar badge and its tooltip', () => {
    const owners = productSources('').filter((f) => /\.setBadge(Text|BackgroundColor)\b|\.setTitle\b/.test(f.code));
    expect(owners.map((f) => f.file)).toEqual(['background/badge.ts']);
  });
});
