import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../domain/settings';

/**
 * Version 2 adds `evidence` (on). The migration only adds the field and keeps everything else as
 * stored, so it composes with another version that adds a field of its own.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    2: (old: Partial<Settings> | null) => ({ ...DEFAULT_SETTINGS, ...old, evidence: old?.evidence ?? true }),
  },
});

/** Current settings; a stored value that no longer fits the schema falls back to the defaults. */
export async function readSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Whether an image of each captured post is kept (the options page's switch). */
export async function evidenceEnabled(): Promise<boolean> {
  return (await readSettings()).evidence;
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
