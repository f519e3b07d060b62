/**
 * The case a marker click asked the side panel to show first. The background writes it to
 * storage.session under this key (background/focus-case.ts); the side panel reads it
 * (components/sidepanel/use-focus-case.ts).
 */
export const FOCUS_KEY = 'focusCase';

export interface FocusRequest {
  caseId: string;
  /** The tab whose marker was clicked. */
  tabId: number;
  /** Epoch ms of the click. */
  at: number;
}
