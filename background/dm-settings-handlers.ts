import type { Handlers } from '../messaging/router';
import { readSettings, settingsItem } from '../storage/settings';

/**
 * The switch for direct messages (options page). Saved apart from the backend form, so saving
 * either never undoes the other; what a capture may read is decided from it in capture-tab.ts.
 */
export function createDmSettingsHandlers(): Pick<Handlers, 'settings/dm-capture'> {
  return {
    'settings/dm-capture': async ({ on }) => {
      await settingsItem.setValue({ ...(await readSettings()), dmCapture: on });
      return { on };
    },
  };
}
