import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, settingsItem } from '../../storage/settings';
import { DEFAULT_SLA_HOURS } from '../../domain/sla';
import type { Settings } from '../../domain/settings';

const stored = async () => (await fakeBrowser.storage.local.get(['settings', 'settings$'])) as Record<string, unknown>;

describe('settings versions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('version 1 keeps its values, has direct messages off, and gets the brand accounts, SLA and protocols', async () => {
    await fakeBrowser.storage.local.set({
      settings: { agentName: 'Sanne', backend: 'http', backendUrl: 'https://cases.example.org' },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    const want: Settings = {
      agentName: 'Sanne',
      backend: 'http',
      backendUrl: 'https://cases.example.org',
      dmCapture: false,
      brandAccounts: [],
      slaHours: DEFAULT_SLA_HOURS,
      protocols: {},
      evidence: true,
    };
    // The stored value itself is upgraded, not only read with defaults.
    expect(await stored()).toEqual({ settings: want, settings$: { v: 4 } });
    expect(await readSettings()).toEqual(want);
  });

  it('version 2 keeps the DM switch the agent set (on stays on, off stays off)', async () => {
    for (const dmCapture of [true, false]) {
      await fakeBrowser.storage.local.clear();
      await fakeBrowser.storage.local.set({
        settings: { agentName: 'Joost', backend: 'zendesk', backendUrl: 'https://acme.zendesk.com', dmCapture },
        settings$: { v: 2 },
      });
      await settingsItem.migrate();
      expect(await stored()).toEqual({
        settings: {
          agentName: 'Joost',
          backend: 'zendesk',
          backendUrl: 'https://acme.zendesk.com',
          dmCapture,
          brandAccounts: [],
          slaHours: DEFAULT_SLA_HOURS,
          protocols: {},
          evidence: true,
        },
        settings$: { v: 4 },
      });
    }
  });

  it('an early version 2 that held the triage settings without the DM switch keeps them, DM off', async () => {
    const early = {
      agentName: 'Sanne',
      backend: 'none',
      backendUrl: '',
      brandAccounts: [{ platform: 'x', handle: 'AcmeCare' }],
      slaHours: { low: 48, medium: 24, high: 4, critical: 1 },
      protocols: { outage: { text: 'Check the status page.', owner: 'NOC' } },
    };
    await fakeBrowser.storage.local.set({ settings: early, settings$: { v: 2 } });
    expect(await readSettings()).toEqual({ ...early, dmCapture: false, evidence: true });
  });

  it('a new install’s first save is stored as version 4, and version 4 round-trips every field', async () => {
    // What the worker does at start on an empty store: nothing to migrate, the next save gets the version.
    await settingsItem.migrate();
    const all: Settings = {
      agentName: 'Sanne',
      backend: 'freshdesk',
      backendUrl: 'https://acme.freshdesk.com',
      dmCapture: true,
      brandAccounts: [
        { platform: 'x', handle: 'AcmeCare' },
        { platform: 'blog', handle: 'Sanne' },
      ],
      slaHours: { low: null, medium: 12, high: 2, critical: 0.5 },
      protocols: { outage: { text: 'Post on the status page.', owner: 'NOC' } },
      evidence: false,
    };
    await settingsItem.setValue(all);
    expect(await stored()).toEqual({ settings: all, settings$: { v: 4 } });
    // Read again at the next start: already version 4, nothing runs on it.
    await settingsItem.migrate();
    expect(await readSettings()).toEqual(all);
  });

  it('a stored value that no longer fits falls back to the defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { agentName: 7 }, settings$: { v: 4 } });
    expect((await readSettings()).backend).toBe('none');
  });
});
