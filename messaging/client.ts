import { browser } from 'wxt/browser';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol';

/**
 * Sends a typed request to the background and returns its answer, or throws its error.
 * Only types are imported from the protocol: the background validates every request, and the
 * popup stays free of the schema library (its bundle budget is 25 KB gzip).
 */
export async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<ResponseOf<K>> | undefined;
  if (!reply) throw new Error(`No answer from the background to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
