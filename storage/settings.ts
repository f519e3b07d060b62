import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../domain/settings';

/**
 * The settings as stored. Version 2 added the brand's accounts, the SLA hours per severity and a
 * protocol per category: settings saved before get their defaults.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    2: (old: Partial<Settings> | null): Settings => ({ ...DEFAULT_SETTINGS, ...(old ?? {}) }),
  },
});

/** Current settings; a stored value that no longer fits the schema falls back to the defaults. */
export async function readSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The name written into logs: the configured agent name, or "agent" until one is set. */
export function agentLabel(s: Settings): string {
  return s.agentName.trim() || 'agent';
}

/** Who is acting, and whether their changes are queued for a backend: what every write needs. */
export async function readActor(): Promise<{ agent: string; syncEnabled: boolean }> {
  const s = await readSettings();
  return { agent: agentLabel(s), syncEnabled: s.backend !== 'none' };
}
