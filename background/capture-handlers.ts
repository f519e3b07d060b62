import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import { summarise } from '../domain/case-summary';
import type { Case } from '../domain/case';
import { brandAccountOf } from '../domain/brand';
import { hasText } from '../domain/field-rules';
import type { Mention } from '../domain/mention';
import { ProblemError } from '../domain/problem';
import type { Settings } from '../domain/settings';
import { attachMention } from '../storage/attach-mention';
import { casesOfAuthor, findDuplicate } from '../storage/find-existing';
import { saveCapture } from '../storage/save-capture';
import { agentLabel, readSettings } from '../storage/settings';
import { addLogEntry } from '../storage/update-case';
import { captureTab } from './capture-tab';
import { takePendingCapture } from './pending-capture';

type CaptureMessage = Extract<MessageType, `capture/${string}`>;

/** Each category's default owner, from its protocol. */
function defaultOwners(s: Settings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [category, p] of Object.entries(s.protocols)) if (p?.owner.trim()) out[category] = p.owner.trim();
  return out;
}

/** A capture that may become a case: it has text, and none of the brand's own accounts wrote it. */
function checkCapture(mention: Mention, s: Settings): void {
  if (!hasText(mention.text)) throw new ProblemError('text_missing', { field: 'mention.text' });
  const brand = brandAccountOf(mention, s.brandAccounts);
  if (brand) throw new ProblemError('brand_account', { handle: brand.handle });
}

/**
 * Reading a post for review (from the tab or the pending capture, with what is already stored
 * about it) and storing it: as a new case, or added to an earlier case of the same customer.
 */
export function createCaptureHandlers(db: CaptureDb): Pick<Handlers, CaptureMessage> {
  const summaryOf = async (c: Case) =>
    summarise(c, c.mentionIds[0] ? await db.mentions.get(c.mentionIds[0]) : undefined);
  const actorOf = (s: Settings) => ({ agent: agentLabel(s), syncEnabled: s.backend !== 'none' });
  return {
    // One message for the popup's first render: it used to wait for three in a row (pending, tab, check).
    'capture/open': async ({ tabId, fresh }) => {
      const [read, settings] = await Promise.all([
        (async () => (fresh ? null : await takePendingCapture(tabId)) ?? (await captureTab(tabId, {})))(),
        readSettings(),
      ]);
      const owners = defaultOwners(settings);
      if (!read.mention) return { ...read, duplicate: null, brandAccount: null, owners };
      const brand = brandAccountOf(read.mention, settings.brandAccounts);
      const dup = brand ? undefined : await findDuplicate(db, read.mention);
      const dupCase = dup ? await db.cases.get(dup.caseId) : undefined;
      // A merged case's post is shown through the case it went into.
      const holder = dupCase?.mergedInto ? await db.cases.get(dupCase.mergedInto) : dupCase;
      return {
        ...read,
        duplicate: holder ? await summaryOf(holder) : null,
        brandAccount: brand?.handle ?? null,
        owners,
      };
    },
    'capture/author-cases': async ({ mention }) => ({
      cases: await Promise.all((await casesOfAuthor(db, mention)).filter((c) => !c.mergedInto).map(summaryOf)),
    }),
    'capture/save': async ({ mention, review }) => {
      const settings = await readSettings();
      checkCapture(mention, settings);
      const actor = actorOf(settings);
      // A post already stored never gets a second case (even if a page skips the popup's check):
      // its note goes to the existing one.
      const dup = await findDuplicate(db, mention);
      if (dup) {
        if (review.note.trim())
          await addLogEntry(db, { caseId: dup.caseId, kind: 'note', text: review.note, ...actor });
        return { caseId: dup.caseId, mentionId: dup.id };
      }
      return saveCapture(db, { mention, review, ...actor });
    },
    'capture/attach': async ({ mention, caseId, note }) => {
      const settings = await readSettings();
      checkCapture(mention, settings);
      return attachMention(db, { caseId, mention, note, ...actorOf(settings) });
    },
  };
}
