/** The two browsers the end-to-end suite drives. */
export type Engine = 'chromium' | 'firefox';

/** A menu click's details as the browser gives them to the menu handler (see background/context-menu.ts). */
export interface MenuClick {
  selectionText?: string;
  linkUrl?: string;
  /** Firefox only: the right-clicked element, for `menus.getTargetElement`. */
  targetElementId?: number;
}

/**
 * One tab, whatever drives it (Playwright in Chromium, puppeteer over WebDriver BiDi in Firefox).
 * Selectors are CSS; reads return null when nothing matches, so a test polls them with `eventually`.
 */
export interface E2EPage {
  /** The `value` of the first input, textarea or select matching `selector`. */
  value(selector: string): Promise<string | null>;
  /** The text content of the first element matching `selector`. */
  text(selector: string): Promise<string | null>;
  /** The text contents of every element matching `selector`. */
  texts(selector: string): Promise<string[]>;
  count(selector: string): Promise<number>;
  attribute(selector: string, name: string): Promise<string | null>;
  /** Types into a field as the agent would (input events fire). */
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Clicks the button whose accessible name is `name`. */
  clickButton(name: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  hover(selector: string): Promise<void>;
  /** A real right-click; returns what the browser's menu click would carry about the target. */
  rightClick(selector: string): Promise<MenuClick>;
  bringToFront(): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** axe-core's violations on the page, as "rule: targets" lines (empty when accessible). */
  axeViolations(): Promise<string[]>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Messages of dialogs (alert, confirm…) the page opened since it was wrapped; each is dismissed. */
  dialogs(): string[];
  /** Addresses the page requested since it was wrapped. */
  requests(): string[];
  close(): Promise<void>;
}

/** What a test does to the extension, written once for both browsers. */
export interface BrowserDriver {
  readonly engine: Engine;
  /** Opens `url` in a new tab; `html` serves that body at that address (an X page at https://x.com). */
  openTab(url: string, html?: string): Promise<{ page: E2EPage; tabId: number }>;
  /** Opens one of the extension's own pages (`popup.html?tabId=3`) in a new tab. */
  openExtensionPage(path: string): Promise<E2EPage>;
  /** Runs `action` and returns the extension page it opened whose address contains `fragment`. */
  pageOpenedBy(fragment: string, action: () => Promise<unknown>): Promise<E2EPage>;
  /**
   * Runs `fn` against the background's global scope (`g.__cc` holds the e2e build's hooks and
   * `g.__cc.browser` the extension API). `fn` is sent as source: it sees nothing from the test file.
   */
  background<T, A>(fn: (g: BackgroundGlobal, arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Closes the browser and opens it again on the same profile, as an agent's restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** What the e2e build puts on the background's global scope (background/test-hooks.ts). */
export interface BackgroundGlobal {
  __cc: {
    MENU_ID: string;
    COMMAND_ID: string;
    handleMenuClick(info: object, tab: object): Promise<unknown> | null;
    handleCommand(command: string, tab: object): Promise<unknown>;
    /** The extension API (`chrome` in Chromium, `browser` in Firefox): the parts tests call. */
    browser: ExtensionApi;
    /** The context-menu API under this browser's name (`contextMenus`, Firefox's `menus`). */
    menus: NonNullable<ExtensionApi['contextMenus']>;
    /** The background's own database (storage/db.ts): tests seed fixture cases through it. */
    db: SeedDb;
  };
  indexedDB: IDBFactory;
}

/** The part of the background's Dexie database a test writes fixture rows through. */
export interface SeedDb {
  transaction(mode: 'rw', ...tablesAndScope: unknown[]): Promise<unknown>;
  cases: SeedTable;
  mentions: SeedTable;
  outbox: SeedTable;
}

interface SeedTable {
  bulkPut(rows: unknown[]): Promise<unknown>;
  bulkAdd(rows: unknown[]): Promise<unknown>;
}

interface TabInfo {
  id?: number;
  url?: string;
  windowId?: number;
  active?: boolean;
}

/** The slice of the extension API the tests call from the background. */
export interface ExtensionApi {
  tabs: {
    query(q: object): Promise<TabInfo[]>;
    get(id: number): Promise<TabInfo>;
    update(id: number, props: { active?: boolean }): Promise<TabInfo>;
  };
  windows: { create(d: object): Promise<{ id?: number }> };
  runtime: { getManifest(): Record<string, unknown>; getURL(path: string): string };
  action?: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
  browserAction?: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
  sidebarAction?: { isOpen(d: object): Promise<boolean> };
  extension?: { getViews(d: object): Window[] };
  contextMenus?: {
    update(id: string, p: object): Promise<void>;
    onShown?: { addListener(l: (info: { menuIds: (string | number)[] }) => void): void };
  };
}
