import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyModule } from './build/lazy-module';

/** tinyld's light detector as the browser gets it (one file that imports nothing). */
export const TINYLD_LIGHT = join(
  dirname(createRequire(import.meta.url).resolve('tinyld/light')),
  'tinyld.light.browser.js',
);

// The e2e build (E2E_BUILD=1) differs in two ways only, both because a test cannot make the
// user gesture that grants `activeTab` (see ../shared/E2E-NOTES.md): it has host permission
// for the loopback fixture server, and the popup accepts `?tabId=` to say which tab to capture.
const e2e = process.env.E2E_BUILD === '1';

/**
 * Extension pages load only their own code: no remote script, no eval, no inline script, no
 * plugins, not framable. Network access only to https backends and loopback (the reference backend).
 */
const OPTIONAL_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

/** The sites whose pages the e2e build is allowed to read (served by the tests themselves). */
const E2E_SITES = [
  'https://x.com/*',
  'https://www.facebook.com/*',
  'https://www.instagram.com/*',
  'https://www.youtube.com/*',
  'https://www.tiktok.com/*',
  'https://*.trustpilot.com/*',
];

export const EXTENSION_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  outDir: e2e ? '.output-e2e' : '.output',
  // The Firefox test build is installed from its package; a sources archive is for store review only.
  zip: e2e ? { zipSources: false } : {},
  imports: false,
  vite: () => ({
    plugins: [preact()],
    define: { __E2E__: JSON.stringify(e2e) },
    build: {
      rollupOptions: {
        onLog(level, log, handler) {
          // zod 4 ships /*#__PURE__*/ annotations Rollup cannot place; harmless noise.
          if (log.code === 'INVALID_ANNOTATION') return;
          handler(level, log);
        },
      },
    },
  }),
  hooks: {
    // The injected capture script leaves language detection to the background: tinyld builds its
    // tables at load, on every capture (see capture/no-language-detection.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      // The background runs tinyld's module only when it first detects a language: a stopped worker
      // starts again on every event, and building tinyld's tables was a fifth of that start.
      const alias = (find: RegExp, file: string) => {
        const list = config.resolve?.alias ?? {};
        const rest = Array.isArray(list)
          ? list
          : Object.entries(list).map(([f, replacement]) => ({ find: f, replacement: String(replacement) }));
        const replacement = fileURLToPath(new URL(file, import.meta.url));
        config.resolve = { ...config.resolve, alias: [{ find, replacement }, ...rest] };
      };
      if (entrypoints.some((e) => e.name === 'background')) {
        config.plugins = [...(config.plugins ?? []), lazyModule('tinyld/light', TINYLD_LIGHT)];
        // Its zod schemas are built on first use, not at every start (see build/lazy-zod.ts).
        alias(/^zod$/, './build/lazy-zod.ts');
      }
      if (entrypoints.some((e) => e.name === 'capture')) alias(/^tinyld\/light$/, './capture/no-language-detection.ts');
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'activeTab',
      'scripting',
      'tabs',
      'storage',
      'unlimitedStorage',
      'alarms',
      // Firefox gives content scripts menus.getTargetElement (the right-clicked element) only
      // with its own name for the permission; Chrome knows only contextMenus.
      ...(browser === 'firefox' ? ['menus'] : ['contextMenus', 'sidePanel']),
    ],
    // The social sites: tests serve their markup at the real addresses through Playwright's router
    // (no network). <all_urls>: tabs.captureVisibleTab (the evidence image) takes activeTab or
    // <all_urls> only, not a host permission, and no test can make the gesture that grants activeTab.
    // Test build only.
    host_permissions: e2e ? ['http://127.0.0.1/*', ...E2E_SITES, '<all_urls>'] : [],
    // Asked at run time only: the backend's origin (options page) and per-site markers.
    ...(manifestVersion === 2
      ? { optional_permissions: OPTIONAL_HOSTS }
      : { optional_host_permissions: OPTIONAL_HOSTS }),
    action: { default_title: '__MSG_actionTitle__' },
    // "Capture what is in view" from the keyboard (shown in the popup).
    commands: {
      'capture-in-view': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_commandCapture__' },
    },
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: EXTENSION_CSP }
        : (EXTENSION_CSP as unknown as { extension_pages: string }),
    browser_specific_settings:
      browser === 'firefox'
        ? { gecko: { id: 'complaint-capture@webcare.example', strict_min_version: '128.0' } }
        : undefined,
  }),
});
