import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../case-model';
import type { EventHub } from '../events';
import type { Faults } from '../faults';
import type { CaseStore } from '../store';

/** What a route gets: the request, who sent it (from the token), and the server's parts. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  path: string;
  actor: Actor;
  store: CaseStore;
  hub: EventHub;
  faults: Faults;
  counters: { created: number; replayed: number; mismatched: number; existing: number };
  /** Milliseconds an event ticket is valid. */
  ticketMs: number;
}

/** A route answers (true) or passes the request on (false). */
export type Route = (ctx: RouteContext) => Promise<boolean>;
