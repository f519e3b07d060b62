import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../domain/settings';

/**
 * Version 2 added the capture of direct messages (`dmCapture`), off for every agent who had
 * settings before: opting in is the agent's own act, never an upgrade's.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    2: (old: Omit<Settings, 'dmCapture'>): Settings => ({ ...old, dmCapture: false }),
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
