/**
 * The message keys whose words differ by browser: what the panel is called, and what Firefox
 * cannot do that Chrome does, said where the agent meets it. Decided at build time.
 */
const FIREFOX = import.meta.env.FIREFOX;

export const browserWords = {
  /** The button that opens the panel: Chrome's "side panel", Firefox's "sidebar". */
  openPanel: FIREFOX ? 'openSidebar' : 'openSidePanel',
  /** No shortcut bound: where this browser lets the agent set one. */
  shortcutNone: FIREFOX ? 'shortcutNoneFirefox' : 'shortcutNone',
  /** A case marker's tooltip: Firefox cannot open its sidebar from a click in a page. */
  markerTitle: FIREFOX ? 'markerTitleFirefox' : 'markerTitle',
} as const;
