/**
 * How long this worker waits before the start-up work no event needs (sync recovery and its first
 * drain, alarm checks, the badge of the active tab, the side panel's behaviour).
 *
 * Chrome stops an idle service worker after 30 s and starts it again for the next event, usually
 * the popup's first message. That work used to start with the worker and ran first (it opens the
 * database, reads settings, queries tabs), so the message waited ~10 ms behind it here. Every
 * event that needs it (an alarm, a capture queued for sync, a tab switch) still starts it at once.
 */
export const AFTER_START_MS = 500;

/** Runs `work` once the event that started this worker has been answered. */
export function afterStart(work: () => unknown): void {
  setTimeout(() => void work(), AFTER_START_MS);
}
