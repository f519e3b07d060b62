import { urlKey } from '../domain/url-key';
import type { CaseStatus } from '../domain/case';
import { sendFromMarkers } from '../messaging/client';
import { createMarker } from './marker';
import { isPrivateConversation } from '../extract/platforms/platforms';
import { inPrivateConversation, PRIVATE_CONTAINERS } from '../extract/private-conversation';

type Hit = { caseId: string; status: CaseStatus } | null;

/**
 * Optional, per site: marks posts and comments that already have a case. Scroll never
 * triggers work: new links are collected by a MutationObserver and looked up in one batch when the
 * page is idle; a link already looked up is never asked about again.
 */
export function startMarkers(): void {
  const flag = globalThis as { __ccMarkers?: boolean };
  if (flag.__ccMarkers) return;
  flag.__ccMarkers = true;
  const known = new Map<string, Hit>();
  const pending = new Set<HTMLAnchorElement>();
  const marked = new WeakSet<HTMLAnchorElement>();
  let scheduled = false;

  const keyOf = (a: HTMLAnchorElement) => (/^https?:$/.test(a.protocol) ? urlKey(a.href) : null);
  const flush = async () => {
    scheduled = false;
    const anchors = privatePage() ? [] : [...pending];
    pending.clear();
    const unknown = [...new Set(anchors.map(keyOf).filter((k): k is string => !!k && !known.has(k)))];
    for (let i = 0; i < unknown.length; i += 500) {
      const batch = unknown.slice(i, i + 500);
      const hits = await sendFromMarkers('markers/lookup', { keys: batch });
      for (const k of batch) known.set(k, hits[k] ?? null);
    }
    for (const a of anchors) {
      const hit = known.get(keyOf(a) ?? '');
      if (!hit || marked.has(a) || !a.isConnected) continue;
      marked.add(a);
      a.after(createMarker(hit.status, () => void sendFromMarkers('markers/open', { caseId: hit.caseId })));
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => void })
      .requestIdleCallback;
    if (idle) idle(() => void flush().catch(() => {}), { timeout: 500 });
    else setTimeout(() => void flush().catch(() => {}), 200);
  };
  // A private conversation is never looked at, not even for its links (X is a single-page app:
  // the address is asked each time).
  const privatePage = () => isPrivateConversation(new URL(location.href));
  const collect = (root: ParentNode) => {
    if (privatePage() || inPrivateConversation(root as Node)) return;
    // Each link is asked only when the page shows a conversation at all (a thread holds thousands).
    const drawer = document.querySelector(PRIVATE_CONTAINERS) !== null;
    if (root instanceof HTMLAnchorElement) pending.add(root);
    for (const a of root.querySelectorAll('a[href]'))
      if (!drawer || !inPrivateConversation(a)) pending.add(a as HTMLAnchorElement);
    if (pending.size) schedule();
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) collect(n);
  }).observe(document.body, { childList: true, subtree: true });
  collect(document);
}
