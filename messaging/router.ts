import { storageProblem } from '../storage/errors';
import { problem } from '../domain/problem';
import {
  EnvelopeSchema,
  markerProtocol,
  protocol,
  type MarkerProtocol,
  type Protocol,
  type ProtocolMap,
  type ParsedRequestIn,
  type Reply,
  type ResponseIn,
} from './protocol';

/** What the router needs to know about a sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** The tab a content script runs in; extension pages other than a tab have none. */
  tab?: { id?: number };
}

/** The background's answer to each message of a protocol map (`Args`: what else a handler is given). */
export type HandlersFor<P extends ProtocolMap, Args extends unknown[] = []> = {
  [K in keyof P]: (req: ParsedRequestIn<P, K>, ...args: Args) => Promise<ResponseIn<P, K>>;
};
/** The answers to the extension pages (`protocol`). */
export type Handlers = HandlersFor<Protocol>;
/** The answers to the markers content script (`markerProtocol`), given the sender (its tab). */
export type MarkerHandlers = HandlersFor<MarkerProtocol, [sender: SenderInfo]>;

/** A protocol map with its handlers and the senders allowed to use it. */
export interface Channel {
  protocol: ProtocolMap;
  accepts: (sender: SenderInfo) => boolean;
  answer: (type: string, req: unknown, sender: SenderInfo) => Promise<unknown>;
}

function channel<P extends ProtocolMap>(
  map: P,
  handlers: HandlersFor<P, [sender: SenderInfo]>,
  accepts: (sender: SenderInfo) => boolean,
): Channel {
  return {
    protocol: map,
    accepts,
    answer: (type, req, sender) => (handlers[type] as (r: unknown, s: SenderInfo) => Promise<unknown>)(req, sender),
  };
}

/** The extension's own pages (popup, side panel, options): its id, and a URL of its own origin. */
export function pagesChannel(handlers: Handlers, extensionId: string, extensionOrigin: string): Channel {
  return channel(
    protocol,
    handlers,
    (s) => s.id === extensionId && (s.url === undefined || s.url.startsWith(extensionOrigin)),
  );
}

/** The extension's own content script (markers): its id, in a web page's tab, not an extension page. */
export function markersChannel(handlers: MarkerHandlers, extensionId: string, extensionOrigin: string): Channel {
  return channel(
    markerProtocol,
    handlers,
    (s) => s.id === extensionId && s.tab?.id !== undefined && s.url !== undefined && !s.url.startsWith(extensionOrigin),
  );
}

const REFUSED: Reply<never> = { ok: false, error: problem('refused_sender') };

/**
 * Builds the background's one message listener over its channels. A message is answered only
 * when its type belongs to a channel whose senders include this one; unknown types and requests
 * that fail their schema are refused. It never throws: a bad message gets `{ ok: false, error }`
 * (a problem code with its data, domain/problem.ts) and changes nothing.
 */
export function createRouter(...channels: Channel[]) {
  return async (message: unknown, sender: SenderInfo): Promise<Reply<unknown>> => {
    const env = EnvelopeSchema.safeParse(message);
    const type = env.success ? env.data.type : null;
    const ch = type === null ? undefined : channels.find((c) => Object.hasOwn(c.protocol, type));
    if (!ch || type === null)
      return channels.some((c) => c.accepts(sender)) ? { ok: false, error: problem('unknown_message') } : REFUSED;
    if (!ch.accepts(sender)) return REFUSED;
    const req = ch.protocol[type]!.request.safeParse(env.data?.payload);
    if (!req.success) {
      // The field to fix, so the page can name and highlight it (zod's own words stay here).
      const field = req.error.issues[0]?.path.join('.') ?? '';
      return { ok: false, error: problem('invalid_field', { field }) };
    }
    try {
      return { ok: true, value: await ch.answer(type, req.data, sender) };
    } catch (e) {
      return { ok: false, error: storageProblem(e) };
    }
  };
}
