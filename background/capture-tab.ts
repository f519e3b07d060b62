import { browser } from 'wxt/browser';
import { CaptureOutcomeSchema, type CaptureOptions, type DmRange } from '../capture/outcome';
import { fallbackMention } from '../capture/fallback';
import type { Mention } from '../domain/mention';
import { detectLanguage } from '../extract/language';
import { readSettings } from '../storage/settings';

export interface CaptureResult {
  mention: Mention;
  /** Why the page itself could not be read (then the mention holds only what the tab tells). */
  readError: string | null;
  /** A conversation's other messages in the range, oldest first. */
  also?: Mention[];
  /** How a conversation's range came out; absent for anything else. */
  dm?: DmRange | null;
  /** Nothing was read: a private conversation while the capture of direct messages is off. */
  refused?: 'dm-off' | null;
  /**
   * Where the post was on screen, as the page reported it (capture/view.ts; unchecked, read by
   * evidence/); absent when the page could not be read, or for a conversation.
   */
  view?: unknown;
}

/**
 * Injects the capture script into a tab (activeTab + scripting: nothing runs on pages the agent
 * never captures from) and validates what comes back, since a hostile page shares the DOM it reads.
 * Never throws: a page that cannot be read still yields a mention of its address and title.
 */
export async function captureTab(tabId: number, options: CaptureOptions): Promise<CaptureResult> {
  let error: string;
  try {
    // Only an agent who switched direct messages on lets the page read a conversation; the page
    // refuses on its own otherwise (capture/run-in-page.ts), before reading anything.
    if ((await readSettings()).dmCapture) options = { ...options, readPrivate: true };
    // A file cannot take arguments, so options go first as a global in the same isolated world.
    // The toolbar popup has none: it skips that round trip to the page (~5 ms on its first render).
    if (Object.values(options).some((v) => v !== undefined)) {
      await browser.scripting.executeScript({
        target: { tabId },
        func: (o: CaptureOptions) => {
          (globalThis as { __complaintCaptureOptions?: CaptureOptions }).__complaintCaptureOptions = o;
        },
        args: [options],
      });
    }
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
    const outcome = CaptureOutcomeSchema.safeParse(first?.result);
    if (outcome.success && outcome.data.ok)
      return {
        mention: withLanguage(outcome.data.mention),
        readError: null,
        ...(outcome.data.also?.length ? { also: outcome.data.also.map(withLanguage) } : {}),
        ...(outcome.data.dm ? { dm: outcome.data.dm } : {}),
        ...(outcome.data.view ? { view: outcome.data.view } : {}),
      };
    if (outcome.success && !outcome.data.ok && outcome.data.refused) return refusedCapture(outcome.data.url);
    error = outcome.success
      ? outcome.data.ok
        ? 'unknown'
        : outcome.data.error
      : `the page gave an unreadable result (${outcome.error.issues[0]?.message ?? 'invalid'})`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return { mention: fallbackMention(tab?.url ?? '', tab?.title ?? '', error), readError: error };
}

/** A refused capture: the address only (a conversation's title names the person in it). */
function refusedCapture(url: string): CaptureResult {
  const mention = { ...fallbackMention(url, '', 'a private conversation'), warnings: [] };
  return { mention, readError: null, refused: 'dm-off' };
}

/**
 * The page reports only the language its lang attributes declare (detection would load tinyld into
 * every page captured from, see capture/no-language-detection.ts); the rest is detected here from
 * the same text extract/draft.ts would have sampled.
 */
export function withLanguage(mention: Mention): Mention {
  return mention.language ? mention : { ...mention, language: detectLanguage(mention.text) };
}
