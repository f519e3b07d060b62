import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import { summarise } from '../domain/case-summary';
import type { Case } from '../domain/case';
import { attachMention } from '../storage/attach-mention';
import { casesOfAuthor, findDuplicate } from '../storage/find-existing';
import { saveCapture } from '../storage/save-capture';
import { addLogEntry } from '../storage/update-case';
import { captureTab } from './capture-tab';
import { takePendingCapture } from './pending-capture';
import { teamSummary } from './team-merge';
import type { TeamService } from './team-service';
import { takeEarlyOpen } from './early-open';

type CaptureMessage = Extract<MessageType, `capture/${string}`>;

/**
 * Reading a post for review (from the tab or the pending capture, with what is already stored
 * about it, here and in the team's backend: a post the team already has is never offered as a
 * fresh form) and storing it: as a new case, or added to an earlier case of the same customer.
 */
export function createCaptureHandlers(db: CaptureDb, team: TeamService): Pick<Handlers, CaptureMessage> {
  const summaryOf = async (c: Case) =>
    summarise(c, c.mentionIds[0] ? await db.mentions.get(c.mentionIds[0]) : undefined);
  const actor = () => team.actor();
  return {
    // One message for the popup's first render: it used to wait for three in a row (pending, tab, check).
    'capture/open': async ({ tabId, fresh }) => {
      // Usually started already, when the browser asked for popup.html (background/early-open.ts).
      const early = fresh ? null : await takeEarlyOpen(tabId);
      if (early) return early;
      const read = (fresh ? null : await takePendingCapture(tabId)) ?? (await captureTab(tabId, {}));
      // The team is asked at the same time as this browser's database (within a short budget).
      const [dup, fromTeam] = await Promise.all([findDuplicate(db, read.mention), team.forPost(read.mention)]);
      const dupCase = dup ? await db.cases.get(dup.caseId) : undefined;
      const found = fromTeam.found;
      if (dupCase) {
        const local = await summaryOf(dupCase);
        // The same case on the backend: its status, owner and history are the team's (fresher).
        const same = found && dupCase.backend?.id === found.remoteId && dupCase.backend.adapter === fromTeam.kind;
        const duplicate = same ? { ...teamSummary(found, fromTeam.kind!, dupCase), text: local.text } : local;
        return { ...read, duplicate, team: fromTeam.team };
      }
      return { ...read, duplicate: found ? teamSummary(found, fromTeam.kind!, undefined) : null, team: fromTeam.team };
    },
    'capture/author-cases': async ({ mention }) => {
      const [local, fromTeam] = await Promise.all([casesOfAuthor(db, mention), team.authorCases(mention)]);
      const held = new Set(local.flatMap((c) => (c.backend ? [c.backend.id] : [])));
      const others = fromTeam.cases.filter((t) => !held.has(t.remoteId)).slice(0, 5);
      return {
        cases: [
          ...(await Promise.all(local.map(summaryOf))),
          ...others.map((t) => teamSummary(t, fromTeam.kind!, undefined)),
        ],
      };
    },
    'capture/save': async ({ mention, review }) => {
      const who = await actor();
      // A post already stored never gets a second case (even if a page skips the popup's check):
      // its note goes to the existing one.
      const dup = await findDuplicate(db, mention);
      if (dup) {
        if (review.note.trim()) await addLogEntry(db, { caseId: dup.caseId, kind: 'note', text: review.note, ...who });
        return { caseId: dup.caseId, mentionId: dup.id };
      }
      // Nor one the team has: the popup was told so, but the team may have answered after it opened.
      const known = await team.knownPost(mention);
      if (known) {
        const caseId = await team.resolve(known);
        if (review.note.trim()) await addLogEntry(db, { caseId, kind: 'note', text: review.note, ...who });
        return { caseId, mentionId: (await db.cases.get(caseId))?.mentionIds[0] ?? '' };
      }
      return saveCapture(db, { mention, review, ...who });
    },
    'capture/attach': async ({ mention, caseId, note }) => {
      return attachMention(db, { caseId: await team.resolve(caseId), mention, note, ...(await actor()) });
    },
  };
}
