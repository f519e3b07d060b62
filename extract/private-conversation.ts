/**
 * Where a private conversation shows on a page: X's message drawer over a timeline, its newer
 * chat (in the shadow root of xchatEmbedRoute) and its classic view. Kept apart from the DM
 * extractor, small and free of other modules, because the markers content script asks it too.
 */
export const PRIVATE_CONTAINERS = [
  '[data-testid="xchatEmbedRoute"]',
  '[data-testid="DMDrawer"]',
  '[data-testid="DmActivityContainer"]',
  '[data-testid="DmScrollerContainer"]',
  '[data-testid="dm-conversation-panel"]',
  '[data-testid="dm-message-list"]',
  '[data-testid="messageEntry"]',
].join(', ');

/** Whether an element of a page is part of a private conversation (a shadow root's host counts). */
export function inPrivateConversation(node: Node | null | undefined): boolean {
  let el: Element | null = node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null;
  while (el) {
    if (el.closest(PRIVATE_CONTAINERS)) return true;
    const root = el.getRootNode?.() as ShadowRoot | Document | undefined;
    el = root && 'host' in root ? (root.host as Element) : null;
  }
  return false;
}
