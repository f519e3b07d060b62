import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../domain/settings';
import { settingsItem } from '../storage/settings';

/** The settings, kept current while the page is open (the options page may change them). */
export function useSettings(): Settings {
  const [s, setS] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    const take = (v: unknown) => {
      const parsed = SettingsSchema.safeParse(v);
      setS(parsed.success ? parsed.data : DEFAULT_SETTINGS);
    };
    void settingsItem.getValue().then(take);
    return settingsItem.watch(take);
  }, []);
  return s;
}
