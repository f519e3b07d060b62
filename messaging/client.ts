import { browser } from 'wxt/browser';
import { protocol, type MessageType, type Reply, type RequestOf, type ResponseOf } from './protocol';

/** Sends a typed request to the background and returns its validated answer, or throws its error. */
export async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<unknown> | undefined;
  if (!reply) throw new Error(`No answer from the background to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  const parsed = protocol[type].response.safeParse(reply.value);
  if (!parsed.success) throw new Error(`Malformed answer to ${type}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data as ResponseOf<K>;
}
