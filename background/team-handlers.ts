import type { Handlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import type { TeamService } from './team-service';
import { teamActivityItem } from './team-feed';
import { readSettings, settingsItem } from '../storage/settings';

type TeamType = Extract<MessageType, `team/${string}`>;

/** The answers to the team messages: each a call into the team service (background/team-service.ts). */
export function createTeamHandlers(team: TeamService): Pick<Handlers, TeamType> {
  return {
    'team/linked': ({ url, fresh }) => team.linked(url, fresh),
    'team/history': ({ caseId, fresh }) => team.history(caseId, fresh),
    'team/roster': () => team.roster(),
    'team/me': () => team.identity(),
    'team/set-name': async ({ name }) => {
      await settingsItem.setValue({ ...(await readSettings()), agentName: name });
      return team.identity();
    },
    'team/take': ({ caseId, confirm }) => team.take(caseId, confirm ?? false),
    'team/handoff': ({ caseId, to, note }) => team.handoff(caseId, to, note),
    'team/on-this': ({ caseId }) => team.onThis(caseId),
    'team/events-url': async () => ({ url: await team.eventsUrl() }),
    'team/activity': async () => {
      const { handedToMe, changed, lastPolledAt, problem } = await teamActivityItem.getValue();
      return { handedToMe, changed, lastPolledAt, problem };
    },
    'team/seen': async ({ remoteIds }) => {
      const seen = new Set(remoteIds);
      const a = await teamActivityItem.getValue();
      await teamActivityItem.setValue({
        ...a,
        handedToMe: a.handedToMe.filter((id) => !seen.has(id)),
        changed: a.changed.filter((id) => !seen.has(id)),
      });
      return { ok: true as const };
    },
  };
}
