import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import { attachMention } from '../storage/attach-mention';
import { linkIdentities, unlinkIdentity } from '../storage/identities';
import { exportCsv, exportJson, importJson } from '../storage/export-import';
import { purgeOldMentions, retentionItem } from '../storage/retention';
import { readActor } from '../storage/settings';
import { markerSitesItem, setMarkers } from './markers';
import type { TeamService } from './team-service';

type WorkflowType = Extract<
  MessageType,
  `${'capture/attach' | 'identity/' | 'data/' | 'retention/' | 'markers/'}${string}`
>;

/** The workflow's answers: attaching to an earlier case (the team's too), identities, export, retention and markers. */
export function createWorkflowHandlers(
  db: CaptureDb,
  team: Pick<TeamService, 'resolve'>,
  actor: () => Promise<{ agent: string; syncEnabled: boolean }> = readActor,
): Pick<Handlers, WorkflowType> {
  return {
    'capture/attach': async ({ mention, caseId, note }) => {
      return attachMention(db, { caseId: await team.resolve(caseId), mention, note, ...(await actor()) });
    },
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
        ? { filename: `complaint-capture-${day}.csv`, mime: 'text/csv', content: await exportCsv(db) }
        : {
            filename: `complaint-capture-${day}.json`,
            mime: 'application/json',
            content: JSON.stringify(await exportJson(db), null, 1),
          };
    },
    'data/import': ({ text }) => importJson(db, text),
    'markers/sites': async () => ({ origins: await markerSitesItem.getValue() }),
    'markers/set': async ({ origin, on }) => {
      await setMarkers(origin, on);
      return { ok: true as const };
    },
    'retention/get': async () => ({ days: await retentionItem.getValue() }),
    'retention/set': async ({ days }) => {
      await retentionItem.setValue(days);
      return { purged: days === null ? 0 : await purgeOldMentions(db, days) };
    },
  };
}
