import { describe, expect, it } from 'vitest';
import config, { EXTENSION_CSP } from '../../wxt.config';

type ManifestFn = (env: {
  browser: string;
  manifestVersion: number;
  mode: string;
  command: string;
}) => Record<string, unknown>;

function manifest(browser: string, manifestVersion: number): Record<string, unknown> {
  return (config.manifest as unknown as ManifestFn)({ browser, manifestVersion, mode: 'production', command: 'build' });
}

// Least privilege. Each permission here is explained in the README's Permissions section;
// adding one must be a conscious change to this list.
describe('manifest', () => {
  it('asks only for the permissions the features use, and no host access up front', () => {
    const m = manifest('chrome', 3);
    expect(m.permissions).toEqual([
      'activeTab',
      'scripting',
      'tabs',
      'storage',
      'unlimitedStorage',
      'alarms',
      'contextMenus',
      'sidePanel',
    ]);
    expect(m.host_permissions).toEqual([]);
    expect(JSON.stringify(m)).not.toContain('<all_urls>');
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('gives Firefox (MV2) the same optional hosts as optional permissions, menus, and no sidePanel', () => {
    const m = manifest('firefox', 2);
    expect(m.optional_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(m.permissions).toEqual(['activeTab', 'scripting', 'tabs', 'storage', 'unlimitedStorage', 'alarms', 'menus']);
    expect((m.browser_specific_settings as { gecko: { id: string } }).gecko.id).toMatch(/@/);
  });

  it('sets a strict content security policy with no eval, no remote script and no inline script', () => {
    expect((manifest('chrome', 3).content_security_policy as { extension_pages: string }).extension_pages).toBe(
      EXTENSION_CSP,
    );
    expect(manifest('firefox', 2).content_security_policy).toBe(EXTENSION_CSP);
    expect(EXTENSION_CSP).toMatch(/script-src 'self'(;|$)/);
    expect(EXTENSION_CSP).not.toMatch(/unsafe-(eval|inline)|wasm-unsafe-eval|http:\/\/\*|https:\/\/[a-z]/);
    expect(EXTENSION_CSP).toContain("object-src 'none'");
  });
});
