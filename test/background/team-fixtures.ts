import { createHandlers } from '../../background/handlers';
import { TeamService, type TeamOptions } from '../../background/team-service';
import { DEFAULT_SETTINGS, type Settings } from '../../domain/settings';
import type { Adapter } from '../../sync/adapter';
import { drainOutbox } from '../../sync/worker';
import { freshDb } from '../helpers';

/** The team service of a browser with no backend configured: local cases are all there is. */
export function offlineTeam(db: ReturnType<typeof freshDb>): TeamService {
  return new TeamService({
    db,
    backend: async () => ({ problem: null }),
    settings: async () => DEFAULT_SETTINGS,
    requestSync: () => {},
  });
}

/**
 * One agent's browser for the team tests: its own database, its team service and message
 * handlers over a given adapter (the reference backend, or a helpdesk fake), and a drain of its
 * outbox (what the background does right after anything is queued).
 */
export function browserOf(
  adapter: () => Adapter | null,
  settings: Partial<Settings> = {},
  opts: Partial<TeamOptions> = {},
  now: () => number = Date.now,
) {
  const db = freshDb();
  const s: Settings = { ...DEFAULT_SETTINGS, backend: 'http', backendUrl: 'http://127.0.0.1', ...settings };
  let syncs = 0;
  const team = new TeamService(
    {
      db,
      backend: async () => {
        const a = adapter();
        return a ? { adapter: a } : { problem: null };
      },
      settings: async () => s,
      requestSync: () => void syncs++,
      now,
    },
    opts,
  );
  return {
    db,
    team,
    settings: s,
    handlers: createHandlers(db, team),
    syncsRequested: () => syncs,
    drain: () => drainOutbox(db, adapter()!, { now: Date.now }, { concurrency: 4 }),
  };
}
