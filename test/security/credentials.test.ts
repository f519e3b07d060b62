import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCredentials, restrictAccess, writeCredentials } from '../../storage/credentials';
import { createAdapter } from '../../sync/adapters/index';
import { fakeFetch } from '../sync/fake-fetch';

const SECRET = 'sk-live-supersecret-token-9876';

async function rawStorage() {
  return { local: await fakeBrowser.storage.local.get(null), session: await fakeBrowser.storage.session.get(null) };
}

afterEach(() => vi.unstubAllGlobals());

// Credentials live only where content scripts cannot read them, go only to the configured
// backend and are never logged. (Masking, other-origin refusal and the HTTPS rule: test/sync/settings-handlers.test.ts.)
describe('credentials', () => {
  it('keeps API tokens in storage.local restricted to trusted contexts, and OAuth tokens in storage.session only', async () => {
    const setAccessLevel = vi.fn(async () => {});
    (fakeBrowser.storage.local as unknown as { setAccessLevel: typeof setAccessLevel }).setAccessLevel = setAccessLevel;
    await restrictAccess();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });

    await writeCredentials({ token: SECRET });
    let raw = await rawStorage();
    expect(JSON.stringify(raw.local)).toContain(SECRET);
    expect(JSON.stringify(raw.session)).not.toContain(SECRET);

    await writeCredentials({ token: 'oauth-access-abc123', authMode: 'oauth' });
    raw = await rawStorage();
    expect(JSON.stringify(raw.session)).toContain('oauth-access-abc123');
    expect(JSON.stringify(raw.local)).not.toContain('oauth-access-abc123');
    expect(JSON.stringify(raw.local)).not.toContain(SECRET);
    expect((await readCredentials())?.token).toBe('oauth-access-abc123');
  });

  it('sends the token only to the configured origin and writes nothing to the console', async () => {
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const { fetch, requests } = fakeFetch({ status: 500, body: { error: 'boom' } });
    const adapter = createAdapter('http', 'https://cases.example.com', { token: SECRET }, { fetch, timeoutMs: 1000 })!;
    await expect(adapter.read('42')).rejects.toThrow(/500/);
    await expect(adapter.testConnection()).rejects.toThrow();
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(new URL(r.url).origin).toBe('https://cases.example.com');
      expect(r.headers.authorization).toBe(`Bearer ${SECRET}`);
    }
    for (const spy of logs) expect(spy).not.toHaveBeenCalled();
  });
});
