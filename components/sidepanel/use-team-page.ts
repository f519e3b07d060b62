import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { TeamState } from '../../domain/team';
import type { TeamCaseView } from '../../domain/team-view';
import { send } from '../../messaging/client';
import { openTeamEvents } from '../../messaging/team-events';

export interface TeamPage {
  /** The cases of the page (post, author, thread), this browser's and the team's merged; by id. */
  views: Map<string, TeamCaseView>;
  /** Whether the team answered (null: not asked yet). */
  team: TeamState | null;
  /** Who the agent is, as the background knows (null: no name yet). */
  me: string | null;
  /** Bumped on every change the team (or this agent) made: open cases read their history again. */
  version: number;
  /** Ask again now, past the cache (after an action of this agent). */
  refresh(): void;
  /** When the last team change arrived here (epoch ms), and when it was made: the panel's lag. */
  lastChange: { receivedAt: number; madeAt: string } | null;
}

const NONE: TeamPage = { views: new Map(), team: null, me: null, version: 0, refresh: () => {}, lastChange: null };

/** The team's side of the panel, for the rows and open cases below it. */
export const TeamContext = createContext<TeamPage>(NONE);
export const useTeam = (): TeamPage => useContext(TeamContext);

/** Waits this long after a change event before asking (an action sends several changes at once). */
const SETTLE_MS = 300;
/** How often to ask when the backend's events cannot be held (reconnecting): inside the 10 s promise. */
const FALLBACK_POLL_MS = 8000;

/**
 * The team's cases of the page the panel follows. Asked when the page changes; then kept current
 * while the panel is open: through the backend's change events where it has them (the own
 * backend), else by asking again when the background says (the helpdesks, paced by their rate
 * limits), and every few seconds while the events are reconnecting.
 */
export function useTeamPage(url: string | null): TeamPage {
  const [state, setState] = useState<Omit<TeamPage, 'refresh' | 'version' | 'lastChange'>>(NONE);
  const [version, setVersion] = useState(0);
  const [lastChange, setLastChange] = useState<TeamPage['lastChange']>(null);
  const [events, setEvents] = useState<'open' | 'reconnecting' | 'unsupported' | null>(null);
  const [nextPollMs, setNextPollMs] = useState<number | null>(null);
  const asked = useRef(0);

  const ask = useCallback(
    (fresh: boolean) => {
      if (!url) return;
      const n = ++asked.current;
      void send('team/linked', { url, fresh }).then(
        (r) => {
          if (n !== asked.current) return;
          setState({ views: new Map(r.cases.map((c) => [c.id, c])), team: r.team, me: r.me });
          setNextPollMs(r.nextPollMs);
          // Shown on the page the agent is looking at: the badge stops counting them as changed
          // (a hand-off counts until its case is opened).
          const seen = r.cases.flatMap((c) => (c.remoteId && !c.handedToMe ? [c.remoteId] : []));
          if (seen.length) void send('team/seen', { remoteIds: seen.slice(0, 500) }).catch(() => {});
        },
        // The background itself did not answer (being restarted): the local queue still shows.
        () => n === asked.current && setState((s) => ({ ...s, team: { state: 'unavailable', message: '' } })),
      );
    },
    [url],
  );

  useEffect(() => {
    setState((s) => ({ ...s, views: new Map() }));
    ask(false);
  }, [ask]);

  // One event stream for as long as the panel is open, whatever page it follows.
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const askRef = useRef(ask);
  askRef.current = ask;
  useEffect(
    () =>
      openTeamEvents({
        onChange: (c) => {
          setLastChange({ receivedAt: Date.now(), madeAt: c.at });
          clearTimeout(settle.current);
          settle.current = setTimeout(() => {
            askRef.current(true);
            setVersion((v) => v + 1);
          }, SETTLE_MS);
        },
        onState: setEvents,
      }),
    [],
  );

  // Without events: ask again when the background says (helpdesks), or soon (events reconnecting).
  useEffect(() => {
    if (events === 'open' || events === null || !url) return;
    const wait = events === 'unsupported' ? nextPollMs : FALLBACK_POLL_MS;
    if (wait === null) return;
    const timer = setTimeout(
      () => {
        ask(true);
        setVersion((v) => v + 1);
      },
      Math.max(wait, 2000),
    );
    return () => clearTimeout(timer);
  }, [events, nextPollMs, state, url, ask]);

  const refresh = useCallback(() => {
    ask(true);
    setVersion((v) => v + 1);
  }, [ask]);
  return { ...state, version, refresh, lastChange };
}
