import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import { summarise } from '../domain/case-summary';
import type { Case } from '../domain/case';
import { casesOfAuthor, findDuplicate } from '../storage/find-existing';
import { captureTab } from './capture-tab';
import { takePendingCapture } from './pending-capture';
import { takeEarlyOpen } from './early-open';

type CaptureReadType = 'capture/open' | 'capture/author-cases';

/** Reading a post for review: from the tab or the pending capture, with what is already stored about it. */
export function createCaptureHandlers(db: CaptureDb): Pick<Handlers, CaptureReadType> {
  const summaryOf = async (c: Case) =>
    summarise(c, c.mentionIds[0] ? await db.mentions.get(c.mentionIds[0]) : undefined);
  return {
    // One message for the popup's first render: it used to wait for three in a row (pending, tab, check).
    'capture/open': async ({ tabId, fresh }) => {
      // Usually started already, when the browser asked for popup.html (background/early-open.ts).
      const early = fresh ? null : await takeEarlyOpen(tabId);
      if (early) return early;
      const read = (fresh ? null : await takePendingCapture(tabId)) ?? (await captureTab(tabId, {}));
      const dup = await findDuplicate(db, read.mention);
      const dupCase = dup ? await db.cases.get(dup.caseId) : undefined;
      return { ...read, duplicate: dupCase ? await summaryOf(dupCase) : null };
    },
    'capture/author-cases': async ({ mention }) => ({
      cases: await Promise.all((await casesOfAuthor(db, mention)).map(summaryOf)),
    }),
  };
}
