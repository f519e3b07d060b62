import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../domain/settings';

type SettingsV1 = Pick<Settings, 'agentName' | 'backend' | 'backendUrl'>;
type SettingsV2 = SettingsV1 & Pick<Settings, 'dmCapture'>;

/**
 * The settings as stored.
 * - Version 2 added the capture of direct messages (`dmCapture`), off for every agent who had
 *   settings before: opting in is the agent's own act, never an upgrade's.
 * - Version 3 added the brand's accounts, the SLA hours per severity and a protocol per category:
 *   settings saved before keep every value they had and get the defaults for the rest (an early
 *   build stored these as its version 2, without `dmCapture`: that one stays off too).
 * - Version 4 adds the evidence image (`evidence`), on; it only adds its field and keeps the rest.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 4,
  migrations: {
    2: (old: SettingsV1): SettingsV2 => ({ ...old, dmCapture: false }),
    3: (old: Partial<Settings> | null): Settings => ({ ...DEFAULT_SETTINGS, ...(old ?? {}) }),
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
