import { browser } from 'wxt/browser';
import { CaptureOutcomeSchema, type CaptureOptions, type DmRange } from '../capture/outcome';
import { fallbackMention } from '../capture/fallback';
import type { Mention } from '../domain/mention';
import { isReadablePage } from '../domain/page-kind';
import { problem, type Problem } from '../domain/problem';
import { detectLanguage } from '../extract/language';
import { readSettings } from '../storage/settings';
import { isPrivateConversation } from '../extract/platforms/platforms';

export interface CaptureResult {
  /**
   * What was read; null on a page Complaint Capture cannot read at all (a browser or extension
   * page), and on a private conversation while the capture of direct messages is off.
   */
  mention: Mention | null;
  /**
   * Why the page itself could not be read: `page_internal`, `dm_capture_off` (nothing was read),
   * `page_unreadable` (only address and title).
   */
  readError: Problem | null;
  /** A conversation's other messages in the range, oldest first. */
  also?: Mention[];
  /** How a conversation's range came out; absent for anything else. */
  dm?: DmRange | null;
  /**
   * Where the post was on screen, as the page reported it (capture/view.ts; unchecked, read by
   * evidence/); absent when the page could not be read, or for a conversation.
   */
  view?: unknown;
}

/**
 * Injects the capture script into a tab (activeTab + scripting: nothing runs on pages the agent
 * never captures from) and validates what comes back, since a hostile page shares the DOM it reads.
 * Never throws. A browser or extension page gets no mention at all (nothing on it is a post, and
 * its address is no permalink); a web page that cannot be read yields a mention of its real
 * address and title.
 */
export async function captureTab(tabId: number, options: CaptureOptions): Promise<CaptureResult> {
  const read = await readTab(tabId, options);
  if (!read.ok) return read.result;
  return {
    mention: read.mention,
    readError: null,
    ...(read.also?.length ? { also: read.also } : {}),
    ...(read.dm ? { dm: read.dm } : {}),
    ...(read.view ? { view: read.view } : {}),
  };
}

/** Every post and comment on the tab's page, main post first (null when it cannot be read). */
export async function readAllOnTab(tabId: number): Promise<Mention[] | null> {
  const read = await readTab(tabId, { all: true });
  return read.ok ? (read.all ?? [read.mention]) : null;
}

type Read =
  | { ok: true; mention: Mention; all?: Mention[]; also?: Mention[]; dm?: DmRange; view?: unknown }
  | { ok: false; result: CaptureResult };

async function readTab(tabId: number, options: CaptureOptions): Promise<Read> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!isReadablePage(tab?.url)) return { ok: false, result: { mention: null, readError: problem('page_internal') } };
  const dmCapture = (await readSettings()).dmCapture;
  // Never even a fallback of a conversation's address and title (the title names the person).
  const refused: Read = { ok: false, result: { mention: null, readError: problem('dm_capture_off') } };
  try {
    // Only an agent who switched direct messages on lets the page read a conversation; the page
    // refuses on its own otherwise (capture/run-in-page.ts), before reading anything.
    if (dmCapture) options = { ...options, readPrivate: true };
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
        ok: true,
        mention: withLanguage(outcome.data.mention),
        all: outcome.data.all,
        ...(outcome.data.also?.length ? { also: outcome.data.also.map(withLanguage) } : {}),
        ...(outcome.data.dm ? { dm: outcome.data.dm } : {}),
        ...(outcome.data.view ? { view: outcome.data.view } : {}),
      };
    // A private conversation while direct messages are off: nothing was read, not even the title.
    if (outcome.success && !outcome.data.ok && outcome.data.refused) return refused;
  } catch {
    // Below: the page's address and title, and the agent fills in the rest.
  }
  if (!dmCapture && isPrivateConversation(new URL(tab.url))) return refused;
  return {
    ok: false,
    result: { mention: fallbackMention(tab.url, tab.title ?? ''), readError: problem('page_unreadable') },
  };
}

/**
 * The page reports only the language its lang attributes declare (detection would load tinyld into
 * every page captured from, see capture/no-language-detection.ts); the rest is detected here from
 * the same text extract/draft.ts would have sampled.
 */
export function withLanguage(mention: Mention): Mention {
  return mention.language ? mention : { ...mention, language: detectLanguage(mention.text) };
}
