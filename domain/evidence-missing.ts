/**
 * Why no evidence image was kept for a saved capture: a reason code with the browser's or the
 * storage's own detail where there is one. The case's history says it (a line with code
 * `evidence_missing`, worded in the agent's language), so the agent never believes there is
 * evidence when there is none. Kept free of zod (the background's hot path).
 */
export const EVIDENCE_MISSING_REASONS = [
  'tab_closed', // the tab was closed before the image was taken
  'tab_not_front', // another tab was in front of its window when the image was due
  'post_gone', // the post was no longer on the page
  'page_changed', // the tab showed another page
  'tab_changed', // the agent switched tabs while the image was taken
  'no_image', // detail: the browser gave no image
  'cut_failed', // detail: the image could not be cut
  'restarted', // the extension restarted before the image was stored
  'storage', // detail: storing it failed (disk full, …)
] as const;
export type EvidenceMissingReason = (typeof EVIDENCE_MISSING_REASONS)[number];

export interface EvidenceMissing {
  reason: EvidenceMissingReason;
  /** The browser's or the storage's own words, when the reason has them. */
  detail?: string;
}
