/**
 * Stands in for `tinyld/light` in the /capture.js build only (see `vite:build:extendConfig` in
 * wxt.config.ts). tinyld builds its n-gram tables when it loads, which made every injection
 * ~13 ms slower (40 ms into a fresh tab) and the script 70 KB bigger; the page therefore reports
 * only the language its `lang` attributes declare, and the background detects the rest from the
 * mention's text (background/capture-tab.ts), with the same detector and the same sample.
 */
export function detect(_text: string): string {
  return '';
}
