import { useEffect, useState } from 'preact/hooks';
import type { TeamHistoryEntry } from '../../domain/team';
import type { OnThis } from '../../domain/team-view';
import { send } from '../../messaging/client';
import { useTeam } from './use-team-page';

export interface TeamCaseData {
  /** The whole history: the backend's (any agent's), else this browser's log. */
  entries: TeamHistoryEntry[];
  source: 'team' | 'local';
  /** Whether the backend answered (else the history is this browser's). */
  reachable: boolean;
  onThis: OnThis | null;
}

/**
 * An open case's history and who is on it, from the team's backend; asked again whenever a
 * change comes in (the team view's version), so a colleague's note shows while the case is open.
 * Nothing is asked for a case the backend cannot have (`enabled` false).
 */
export function useTeamCase(caseId: string, enabled: boolean): TeamCaseData | null {
  const { version } = useTeam();
  const [data, setData] = useState<TeamCaseData | null>(null);
  useEffect(() => {
    if (!enabled) return setData(null);
    let current = true;
    // After a change the backend is asked again; "who is on this" then reads the same fresh answer.
    void (async () => {
      const h = await send('team/history', { caseId, fresh: version > 0 });
      const on = await send('team/on-this', { caseId });
      if (current) setData({ entries: h.entries, source: h.source, reachable: h.team.state === 'ok', onThis: on });
    })().catch(() => {});
    return () => {
      current = false;
    };
  }, [caseId, enabled, version]);
  return data;
}
