import { browser } from 'wxt/browser';
import { CaptureOutcomeSchema, type CaptureOptions } from '../capture/outcome';
import { fallbackMention } from '../capture/fallback';
import type { Mention } from '../domain/mention';
import { isReadablePage } from '../domain/page-kind';
import { problem, type Problem } from '../domain/problem';
import { detectLanguage } from '../extract/language';

export interface CaptureResult {
  /** What was read; null on a page Complaint Capture cannot read at all (a browser or extension page). */
  mention: Mention | null;
  /** Why the page itself could not be read (`page_internal`; `page_unreadable`: only address and title). */
  readError: Problem | null;
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
  return read.ok ? { mention: read.mention, readError: null } : read.result;
}

/** Every post and comment on the tab's page, main post first (null when it cannot be read). */
export async function readAllOnTab(tabId: number): Promise<Mention[] | null> {
  const read = await readTab(tabId, { all: true });
  return read.ok ? (read.all ?? [read.mention]) : null;
}

type Read = { ok: true; mention: Mention; all?: Mention[] } | { ok: false; result: CaptureResult };

async function readTab(tabId: number, options: CaptureOptions): Promise<Read> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!isReadablePage(tab?.url)) return { ok: false, result: { mention: null, readError: problem('page_internal') } };
  try {
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
      return { ok: true, mention: withLanguage(outcome.data.mention), all: outcome.data.all };
  } catch {
    // Below: the page's address and title, and the agent fills in the rest.
  }
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
