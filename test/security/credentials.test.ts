import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSyncHandlers } from '../../background/sync-handlers';
import { CaptureDb } from '../../storage/db';
import { readCredentials, restrictAccess, writeCredentials } from '../../storage/credentials';
import { createAdapter } from '../../sync/adapters/index';
import { checkBackendUrl } from '../../sync/backend-url';
import { fakeFetch } from '../sync/fake-fetch';

const SECRET = 'sk-live-supersecret-token-9876';
const settings = (backendUrl: string) => ({ agentName: 'Sanne', backend: 'http' as const, backendUrl });

async function rawStorage() {
  return { local: await fakeBrowser.storage.local.get(null), session: await fakeBrowser.storage.session.get(null) };
}

afterEach(() => vi.unstubAllGlobals());

// Issue #7: credentials live only where content scripts cannot read them, go only to the
// configured backend, and are never shown back in full, logged or put in an answer to a page.
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

  it('shows the options page only a masked hint, never the secret', async () => {
    const h = createSyncHandlers(new CaptureDb(`c-${crypto.randomUUID()}`));
    const saved = await h['settings/save']({ settings: settings('https://cases.example.com'), credentials: { token: SECRET } });
    expect(saved.credentialHint).toBe('••••9876');
    const got = await h['settings/get']({});
    expect(JSON.stringify(got)).not.toContain(SECRET);
    expect(JSON.stringify(got)).not.toContain('supersecret');
  });

  it('never sends a saved secret to another origin than the one it was saved for', async () => {
    const h = createSyncHandlers(new CaptureDb(`c-${crypto.randomUUID()}`));
    await h['settings/save']({ settings: settings('https://cases.example.com'), credentials: { token: SECRET } });
    const fetchSpy = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchSpy);
    const answer = await h['settings/test-connection']({ backend: 'http', backendUrl: 'https://attacker.example', credentials: { token: '' } });
    expect(answer).toEqual({ ok: false, message: 'Enter the credentials for this backend' });
    expect(fetchSpy).not.toHaveBeenCalled();
    await expect(h['settings/save']({ settings: settings('https://attacker.example'), credentials: { token: '' } })).rejects.toThrow(/credentials/);
    expect((await readCredentials())?.token).toBe(SECRET);
  });

  it('requires HTTPS except on loopback, with a clear error', () => {
    expect(checkBackendUrl('http://cases.example.com')).toEqual({ ok: false, error: expect.stringMatching(/must use https/) });
    expect(checkBackendUrl('http://127.0.0.1:8787').ok).toBe(true);
    expect(checkBackendUrl('http://localhost:8787/').ok).toBe(true);
    expect(checkBackendUrl('https://user:pw@cases.example.com')).toEqual({ ok: false, error: expect.stringMatching(/not in the URL/) });
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
