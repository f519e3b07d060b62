import { send } from './client';

/**
 * The side panel's end of the team's change events: while the panel is open it holds an
 * EventSource on the backend's event stream (the service worker does not: it is stopped when
 * idle), and calls `onChange` for every change a colleague (or this agent elsewhere) makes. The
 * URL carries a short-lived ticket the background gets for it (credentials stay in the
 * background); when the stream closes for good (the ticket expired, the backend restarted) a new
 * ticket is asked and the stream resumes after the last change it saw.
 *
 * A backend without events (the helpdesks) answers no URL: `onState('unsupported')`, and the
 * panel polls `team/linked` after its `nextPollMs` instead.
 */
export interface TeamChangeEvent {
  remoteId: string;
  kind: string;
  by: string;
  at: string;
  text: string;
  status: string | null;
  owner: string | null;
}

export interface TeamEventsOptions {
  onChange(change: TeamChangeEvent): void;
  onState?(state: 'open' | 'reconnecting' | 'unsupported'): void;
  /** For tests: where the stream's URL comes from, and the EventSource to use. */
  eventsUrl?: () => Promise<string | null>;
  EventSource?: typeof EventSource;
  retryMs?: number;
}

/** Opens the stream; the function returned closes it (call it when the panel goes away). */
export function openTeamEvents(opts: TeamEventsOptions): () => void {
  const eventsUrl = opts.eventsUrl ?? (async () => (await send('team/events-url', {})).url);
  const Source = opts.EventSource ?? globalThis.EventSource;
  const retryMs = opts.retryMs ?? 5000;
  let closed = false;
  let source: EventSource | null = null;
  let lastId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const retry = () => {
    opts.onState?.('reconnecting');
    if (!closed) timer = setTimeout(() => void connect(), retryMs);
  };
  const connect = async () => {
    let url: string | null;
    try {
      url = await eventsUrl();
    } catch {
      return retry();
    }
    if (closed) return;
    if (url === null || !Source) return opts.onState?.('unsupported');
    const es = new Source(lastId ? `${url}&since=${encodeURIComponent(lastId)}` : url);
    source = es;
    es.onopen = () => opts.onState?.('open');
    es.addEventListener('change', (e) => {
      const m = e as MessageEvent<string>;
      if (m.lastEventId) lastId = m.lastEventId;
      const change = parseChange(m.data);
      if (change) opts.onChange(change);
    });
    // While CONNECTING the EventSource retries by itself; CLOSED means it gave up (a refused ticket).
    es.onerror = () => {
      if (es.readyState !== es.CLOSED || closed) return;
      es.close();
      retry();
    };
  };
  void connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}

/** A change from the stream, checked by hand (the panel's first load stays free of the schema library). */
function parseChange(data: string): TeamChangeEvent | null {
  try {
    const c = JSON.parse(data) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    const caseId = str(c.caseId);
    const kind = str(c.kind);
    const by = str(c.by);
    const at = str(c.at);
    if (!caseId || !kind || by === null || !at) return null;
    return { remoteId: caseId, kind, by, at, text: str(c.text) ?? '', status: str(c.status), owner: str(c.owner) };
  } catch {
    return null;
  }
}
