import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings } from '../../storage/settings';
import { DEFAULT_SLA_HOURS } from '../../domain/sla';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('settings saved by version 1 keep their values and get the brand accounts, SLA and protocols', async () => {
    await fakeBrowser.storage.local.set({
      settings: { agentName: 'Sanne', backend: 'http', backendUrl: 'https://cases.example.org' },
      settings$: { v: 1 },
    });
    expect(await readSettings()).toEqual({
      agentName: 'Sanne',
      backend: 'http',
      backendUrl: 'https://cases.example.org',
      brandAccounts: [],
      slaHours: DEFAULT_SLA_HOURS,
      protocols: {},
    });
  });

  it('a stored value that no longer fits falls back to the defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { agentName: 7 }, settings$: { v: 2 } });
    expect((await readSettings()).backend).toBe('none');
  });
});
