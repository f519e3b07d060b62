/**
 * How Debian's Chromium is started with the built extension, shared by the e2e tests and the
 * benchmark (see ../shared/E2E-NOTES.md): without --disable-extensions-except no service worker
 * appears, and the network flags keep Chromium from calling out of this closed machine.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumArgs(extensionDir: string, locale: string, deviceScaleFactor?: number): string[] {
  return [
    // A real devicePixelRatio (Playwright's emulation changes the page's, not what the tab captures).
    ...(deviceScaleFactor ? [`--force-device-scale-factor=${deviceScaleFactor}`, '--window-size=1280,800'] : []),
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--lang=${locale}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}
