import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import { linkIdentities, unlinkIdentity } from '../storage/identities';
import { exportCsv, exportJson, importJson } from '../storage/export-import';
import { purgeOldMentions, retentionItem } from '../storage/retention';
import { logLine } from '../components/log-words';

type DataMessage = Extract<MessageType, `${'identity/' | 'data/' | 'retention/'}${string}`>;

/** The side panel's data tools: linked identities, export and import, and the retention of authors' data. */
export function createDataHandlers(db: CaptureDb): Pick<Handlers, DataMessage> {
  return {
    'identity/link': async ({ a, b }) => {
      await linkIdentities(db, a.trim().toLowerCase(), b.trim().toLowerCase());
      return { ok: true as const };
    },
    'identity/unlink': async ({ authorKey }) => {
      await unlinkIdentity(db, authorKey);
      return { ok: true as const };
    },
    'data/export': async ({ format }) => {
      const day = new Date().toISOString().slice(0, 10);
      return format === 'csv'
        ? { filename: `complaint-capture-${day}.csv`, mime: 'text/csv', content: await exportCsv(db, logLine) }
        : {
            filename: `complaint-capture-${day}.json`,
            mime: 'application/json',
            content: JSON.stringify(await exportJson(db), null, 1),
          };
    },
    'data/import': ({ text }) => importJson(db, text),
    'retention/get': async () => ({ days: await retentionItem.getValue() }),
    'retention/set': async ({ days }) => {
      await retentionItem.setValue(days);
      return { purged: days === null ? 0 : await purgeOldMentions(db, days) };
    },
  };
}
