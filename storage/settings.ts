import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../domain/settings';

/**
 * Version 2 added the capture of direct messages (`dmCapture`), off for every agent who had
 * settings before: opting in is the agent's own act, never an upgrade's. Version 3 is another
 * module's. Version 4 adds the evidence image (`evidence`), on. Each migration only adds its own
 * field and keeps the rest, so settings stored at 1, 2 or 3 all arrive here whole (WXT runs the
 * migrations it has, in order, and skips a number it has none for).
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 4,
  migrations: {
    2: (old: Omit<Settings, 'dmCapture' | 'evidence'>): Omit<Settings, 'evidence'> => ({ ...old, dmCapture: false }),
    4: (old: Omit<Settings, 'evidence'> & { evidence?: boolean }): Settings => ({
      ...old,
      evidence: old.evidence ?? true,
    }),
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
