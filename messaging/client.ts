import { browser } from 'wxt/browser';
import { isProblem, ProblemError } from '../domain/problem';
import type {
  MarkerMessageType,
  MarkerProtocol,
  MessageType,
  Protocol,
  ProtocolMap,
  Reply,
  RequestIn,
  RequestOf,
  ResponseIn,
  ResponseOf,
} from './protocol';

/**
 * Sends a typed request to the background and returns its answer, or throws its problem (a
 * `ProblemError`, worded by the page: components/problem-words.ts).
 * Only types are imported from the protocol: the background validates every request, and the
 * popup and the markers script stay free of the schema library (the popup's bundle budget is 25 KB gzip).
 */
async function request<P extends ProtocolMap, K extends keyof P & string>(
  type: K,
  payload: RequestIn<P, K>,
): Promise<ResponseIn<P, K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<ResponseIn<P, K>> | undefined;
  if (!reply) throw new ProblemError('no_answer', { type });
  if (!reply.ok)
    throw isProblem(reply.error)
      ? new ProblemError(reply.error.code, reply.error.params)
      : new ProblemError('unexpected', { detail: String(reply.error) });
  return reply.value;
}

/** From an extension page (popup, side panel, options): a message of `protocol`. */
export const send = <K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> =>
  request<Protocol, K>(type, payload);

/** From the markers content script: a message of `markerProtocol`. */
export const sendFromMarkers = <K extends MarkerMessageType>(type: K, payload: RequestIn<MarkerProtocol, K>) =>
  request<MarkerProtocol, K>(type, payload);
