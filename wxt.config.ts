import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The e2e build (E2E_BUILD=1) differs in two ways only, both because a test cannot make the
// user gesture that grants `activeTab` (see ../shared/E2E-NOTES.md): it has host permission
// for the loopback fixture server, and the popup accepts `?tabId=` to say which tab to capture.
const e2e = process.env.E2E_BUILD === '1';

export default defineConfig({
  outDir: e2e ? '.output-e2e' : '.output',
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
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'tabs', 'storage', 'unlimitedStorage', 'alarms', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: e2e ? ['http://127.0.0.1/*'] : [],
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // Issue 5: "capture what is in view" from the keyboard (shown in the popup).
    commands: {
      'capture-in-view': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_commandCapture__' },
    },
    browser_specific_settings: browser === 'firefox' ? { gecko: { id: 'complaint-capture@webcare.example', strict_min_version: '128.0' } } : undefined,
  }),
});
