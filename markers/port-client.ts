import { browser } from 'wxt/browser';
import type { MarkerMessageType } from '../messaging/protocol';

type Answer = { id: number; ok: boolean; value?: unknown; error?: string };

/**
 * Request/answer over the `markers` port to the background (see messaging/protocol.ts,
 * markerProtocol). Reconnects when the service worker was stopped in between.
 */
export function createPortClient() {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let seq = 0;
  const waiting = new Map<number, (a: Answer) => void>();
  const connect = () => {
    const p = browser.runtime.connect({ name: 'markers' });
    p.onMessage.addListener((m: unknown) => {
      const a = m as Answer;
      waiting.get(a.id)?.(a);
      waiting.delete(a.id);
    });
    p.onDisconnect.addListener(() => {
      port = null;
      for (const done of waiting.values()) done({ id: -1, ok: false, error: 'disconnected' });
      waiting.clear();
    });
    return p;
  };
  return (type: MarkerMessageType, payload: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, (a) => (a.ok ? resolve(a.value) : reject(new Error(a.error))));
      port ??= connect();
      port.postMessage({ id, type, payload });
    });
}
