import { storageErrorMessage } from '../storage/errors';
import { EnvelopeSchema, protocol, type MessageType, type Reply, type RequestOf, type ResponseOf } from './protocol';

export type Handlers = { [K in MessageType]: (req: RequestOf<K>) => Promise<ResponseOf<K>> };

/** What the router needs to know about a sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
}

/**
 * Builds the background's message listener. It answers only this extension's own contexts,
 * rejects unknown types and requests that fail their schema, and never throws: a bad message
 * gets `{ ok: false, error }` and changes nothing.
 */
export function createRouter(handlers: Handlers, extensionId: string, extensionOrigin: string) {
  return async (message: unknown, sender: SenderInfo): Promise<Reply<unknown>> => {
    if (sender.id !== extensionId || (sender.url !== undefined && !sender.url.startsWith(extensionOrigin))) {
      return { ok: false, error: 'Refused: message not from this extension' };
    }
    const env = EnvelopeSchema.safeParse(message);
    if (!env.success || !(env.data.type in protocol)) return { ok: false, error: 'Unknown message' };
    const type = env.data.type as MessageType;
    const req = protocol[type].request.safeParse(env.data.payload);
    if (!req.success) {
      const issue = req.error.issues[0];
      return {
        ok: false,
        error: `Invalid ${type} request: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`,
      };
    }
    try {
      const handler = handlers[type] as (r: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(req.data) };
    } catch (e) {
      return { ok: false, error: storageErrorMessage(e) };
    }
  };
}
