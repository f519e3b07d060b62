import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaptureDb } from '../../storage/db';
import { createSyncHandlers } from '../../background/sync-handlers';
import { DEFAULT_SETTINGS } from '../../domain/settings';

afterEach(() => vi.unstubAllGlobals());

function recordFetch() {
  const calls: { url: string; auth: string | undefined }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, auth: (init.headers as Record<string, string>).Authorization });
    return new Response(JSON.stringify({ cases: [] }), { status: 200 });
  });
  return calls;
}

describe('backend settings messages', () => {
  it('keeps the secret out of answers and never sends a saved token to another origin', async () => {
    const h = createSyncHandlers(new CaptureDb(`t-${crypto.randomUUID()}`));
    await h['settings/save']({
      settings: { ...DEFAULT_SETTINGS, agentName: 'Sanne', backend: 'http', backendUrl: 'https://cases.example.org/' },
      credentials: { token: 'tok-abcdef-1234' },
    });
    const got = await h['settings/get']({});
    expect(got.credentialHint).toBe('••••1234');
    expect(JSON.stringify(got)).not.toContain('tok-abcdef');
    expect(got.settings.backendUrl).toBe('https://cases.example.org');

    const calls = recordFetch();
    const other = await h['settings/test-connection']({
      backend: 'http',
      backendUrl: 'https://evil.example',
      credentials: { token: '' },
    });
    expect(other).toEqual({
      ok: false,
      problem: { code: 'backend_credentials_missing', params: { field: 'token' } },
      connected: null,
    });
    expect(calls).toHaveLength(0);
    const same = await h['settings/test-connection']({
      backend: 'http',
      backendUrl: 'https://cases.example.org',
      credentials: { token: '' },
    });
    expect(same).toEqual({ ok: true, problem: null, connected: { backend: 'cases.example.org', agent: null } });
    expect(calls[0]?.auth).toBe('Bearer tok-abcdef-1234');
  });

  it('requires https except on loopback, and reports the exact failure', async () => {
    const h = createSyncHandlers(new CaptureDb(`t-${crypto.randomUUID()}`));
    await expect(
      h['settings/save']({
        settings: { ...DEFAULT_SETTINGS, agentName: '', backend: 'http', backendUrl: 'http://cases.example.org' },
        credentials: { token: 't' },
      }),
    ).rejects.toMatchObject({ code: 'backend_url_insecure', params: { field: 'backendUrl' } });
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ error: 'Missing or wrong bearer token' }), { status: 401 }),
    );
    const r = await h['settings/test-connection']({
      backend: 'http',
      backendUrl: 'http://127.0.0.1:8787',
      credentials: { token: 'nope' },
    });
    expect(r).toEqual({
      ok: false,
      connected: null,
      problem: {
        code: 'sync_http',
        params: { backend: 'The case backend', status: '401', detail: 'Missing or wrong bearer token' },
      },
    });
  });

  it('keeps an OAuth token in session storage only, an API token in local storage', async () => {
    const h = createSyncHandlers(new CaptureDb(`t-${crypto.randomUUID()}`));
    await h['settings/save']({
      settings: { ...DEFAULT_SETTINGS, agentName: '', backend: 'zendesk', backendUrl: 'https://acme.zendesk.com' },
      credentials: { token: 'oauth-token-9876', authMode: 'oauth' },
    });
    expect(await fakeBrowser.storage.session.get('backendCredentials')).toEqual({
      backendCredentials: { token: 'oauth-token-9876', authMode: 'oauth' },
    });
    expect((await fakeBrowser.storage.local.get('backendCredentials')).backendCredentials ?? null).toBeNull();
    await h['settings/save']({
      settings: { ...DEFAULT_SETTINGS, agentName: '', backend: 'freshdesk', backendUrl: 'https://acme.freshdesk.com' },
      credentials: { token: 'fd-key-5555' },
    });
    expect((await fakeBrowser.storage.local.get('backendCredentials')).backendCredentials).toEqual({
      token: 'fd-key-5555',
    });
    expect((await fakeBrowser.storage.session.get('backendCredentials')).backendCredentials ?? null).toBeNull();
  });
});

describe('the evidence switch', () => {
  it('is saved on its own, and a save of the backend form keeps it', async () => {
    const h = createSyncHandlers(new CaptureDb(`t-${crypto.randomUUID()}`));
    expect((await h['settings/get']({})).settings.evidence).toBe(true);
    expect(await h['settings/evidence']({ on: false })).toEqual({ on: false });
    await h['settings/save']({
      settings: { agentName: 'Sanne', backend: 'none', backendUrl: '' },
      credentials: { token: '' },
    });
    expect((await h['settings/get']({})).settings).toMatchObject({ agentName: 'Sanne', evidence: false });
    expect(await h['settings/evidence']({ on: true })).toEqual({ on: true });
    expect((await h['settings/get']({})).settings.agentName).toBe('Sanne');
  });
});
