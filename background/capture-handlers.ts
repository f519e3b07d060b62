import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import { summarise } from '../domain/case-summary';
import type { Case } from '../domain/case';
import { attachMention } from '../storage/attach-mention';
import { casesOfAuthor, findDuplicate } from '../storage/find-existing';
import { saveCapture } from '../storage/save-capture';
import { readActor } from '../storage/settings';
import { addLogEntry } from '../storage/update-case';
import { captureTab } from './capture-tab';
import { takePendingCapture } from './pending-capture';
import { newMessages, notStored } from './dm-capture';

type CaptureMessage = Extract<MessageType, `capture/${string}`>;

/**
 * Reading a post for review (from the tab or the pending capture, with what is already stored
 * about it) and storing it: as a new case, or added to an earlier case of the same customer.
 */
export function createCaptureHandlers(db: CaptureDb): Pick<Handlers, CaptureMessage> {
  const summaryOf = async (c: Case) =>
    summarise(c, c.mentionIds[0] ? await db.mentions.get(c.mentionIds[0]) : undefined);
  return {
    // One message for the popup's first render: it used to wait for three in a row (pending, tab, check).
    'capture/open': async ({ tabId, fresh, dmLast }) => {
      const again = fresh || dmLast !== undefined;
      const read =
        (again ? null : await takePendingCapture(tabId)) ?? (await captureTab(tabId, dmLast ? { dmLast } : {}));
      const { mention, also, dup } = await newMessages(db, read);
      const dupCase = dup ? await db.cases.get(dup.caseId) : undefined;
      return {
        ...read,
        mention,
        ...(also ? { also } : {}),
        duplicate: dupCase ? await summaryOf(dupCase) : null,
      };
    },
    'capture/author-cases': async ({ mention }) => ({
      cases: await Promise.all((await casesOfAuthor(db, mention)).map(summaryOf)),
    }),
    'capture/save': async ({ mention, review, also }) => {
      const actor = await readActor();
      // A post already stored never gets a second case (even if a page skips the popup's check):
      // its note goes to the existing one.
      const dup = await findDuplicate(db, mention);
      if (dup) {
        if (review.note.trim())
          await addLogEntry(db, { caseId: dup.caseId, kind: 'note', text: review.note, ...actor });
        return { caseId: dup.caseId, mentionId: dup.id };
      }
      return saveCapture(db, { mention, also: await notStored(db, also), review, ...actor });
    },
    'capture/attach': async ({ mention, caseId, note, also }) => {
      return attachMention(db, { caseId, mention, also: await notStored(db, also), note, ...(await readActor()) });
    },
  };
}
