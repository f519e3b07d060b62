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
import { readSettings } from '../storage/settings';
import { addLogEntry } from '../storage/update-case';
import { captureTab } from './capture-tab';
import { takePendingCapture } from './pending-capture';
import { newMessages, notStored } from './dm-capture';
import { teamSummary } from './team-merge';
import type { TeamService } from './team-service';
import { takeEarlyOpen } from './early-open';
import { NO_EVIDENCE, type EvidenceService } from '../evidence/service';

type CaptureMessage = Extract<MessageType, `capture/${string}` | 'evidence/take'>;

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
 * about it, here and in the team's backend: a post the team already has is never offered as a
 * fresh form) and storing it: as a new case, or added to an earlier case of the same customer;
 * either way with its evidence (evidence/README.md), taken once the popup shows the mention.
 * A page that cannot be read at all, a post without text and one by the brand's own accounts never
 * become a case.
 */
export function createCaptureHandlers(
  db: CaptureDb,
  team: TeamService,
  evidence: EvidenceService = NO_EVIDENCE,
): Pick<Handlers, CaptureMessage> {
  const summaryOf = async (c: Case) =>
    summarise(c, c.mentionIds[0] ? await db.mentions.get(c.mentionIds[0]) : undefined);
  const actor = () => team.actor();
  /** Keeps the capture's evidence with what it was saved as (in the background: the answer does not wait). */
  const keep = (evidenceId: string | undefined, saved: { caseId: string; mentionId: string }, syncEnabled: boolean) => {
    if (evidenceId) void evidence.link(evidenceId, { ...saved, syncEnabled }).catch(() => {});
    return saved;
  };
  return {
    // One message for the popup's first render: it used to wait for three in a row (pending, tab, check).
    'capture/open': async ({ tabId, fresh, dmLast }) => {
      const again = fresh || dmLast !== undefined;
      // Usually started already, when the browser asked for popup.html (background/early-open.ts).
      const early = again ? null : await takeEarlyOpen(tabId);
      if (early) return early;
      const [{ view, ...read }, settings] = await Promise.all([
        (async () =>
          (again ? null : await takePendingCapture(tabId)) ?? (await captureTab(tabId, dmLast ? { dmLast } : {})))(),
        readSettings(),
      ]);
      const owners = defaultOwners(settings);
      const nothing = {
        duplicate: null,
        team: { state: 'off' as const },
        brandAccount: null,
        owners,
        evidenceId: null,
      };
      if (!read.mention) return { ...read, ...nothing };
      const brand = brandAccountOf(read.mention, settings.brandAccounts);
      if (brand) return { ...read, ...nothing, brandAccount: brand.handle };
      // The team is asked at the same time as this browser's database (within a short budget). A
      // conversation's messages already stored are left out (dm-capture.ts); the team's post lookup
      // knows a conversation only by its address, which every message shares, so for a direct
      // message it is no duplicate check (the customer's earlier cases are offered instead).
      const [picked, fromTeam, evidenceId] = await Promise.all([
        newMessages(db, { ...read, mention: read.mention }),
        team.forPost(read.mention),
        evidence.seed(tabId, { mention: read.mention, view }),
      ]);
      const { mention, also, dup } = picked;
      const found = mention.kind === 'dm' ? null : fromTeam.found;
      const stored = dup ? await db.cases.get(dup.caseId) : undefined;
      // A merged case's post is shown through the case it went into.
      const dupCase = stored?.mergedInto ? await db.cases.get(stored.mergedInto) : stored;
      const answer = { ...read, mention, ...(also ? { also } : {}), team: fromTeam.team, brandAccount: null, owners };
      if (dupCase) {
        const local = await summaryOf(dupCase);
        // The same case on the backend: its status, owner and history are the team's (fresher).
        const same = found && dupCase.backend?.id === found.remoteId && dupCase.backend.adapter === fromTeam.kind;
        const duplicate = same ? { ...teamSummary(found, fromTeam.kind!, dupCase), text: local.text } : local;
        // A post already stored gets no second capture, so no evidence either.
        return { ...answer, duplicate, evidenceId: null };
      }
      const duplicate = found ? teamSummary(found, fromTeam.kind!, undefined) : null;
      return { ...answer, duplicate, evidenceId: duplicate ? null : evidenceId };
    },
    'evidence/take': async ({ evidenceId }) => {
      void evidence.take(evidenceId).catch(() => {});
      return { ok: true as const };
    },
    'capture/author-cases': async ({ mention }) => {
      const [local, fromTeam] = await Promise.all([casesOfAuthor(db, mention), team.authorCases(mention)]);
      const open = local.filter((c) => !c.mergedInto);
      const held = new Set(open.flatMap((c) => (c.backend ? [c.backend.id] : [])));
      const others = fromTeam.cases.filter((t) => !held.has(t.remoteId)).slice(0, 5);
      return {
        cases: [
          ...(await Promise.all(open.map(summaryOf))),
          ...others.map((t) => teamSummary(t, fromTeam.kind!, undefined)),
        ],
      };
    },
    'capture/save': async ({ mention, review, also, evidenceId }) => {
      const [who, settings] = await Promise.all([actor(), readSettings()]);
      checkCapture(mention, settings);
      // A post already stored never gets a second case (even if a page skips the popup's check):
      // its note goes to the existing one.
      const dup = await findDuplicate(db, mention);
      if (dup) {
        if (review.note.trim()) await addLogEntry(db, { caseId: dup.caseId, kind: 'note', text: review.note, ...who });
        return keep(evidenceId, { caseId: dup.caseId, mentionId: dup.id }, who.syncEnabled);
      }
      // Nor one the team has: the popup was told so, but the team may have answered after it opened
      // (not for a direct message: its conversation's address is every message's).
      const known = mention.kind === 'dm' ? null : team.knownPost(mention);
      if (known) {
        const caseId = await team.resolve(known);
        if (review.note.trim()) await addLogEntry(db, { caseId, kind: 'note', text: review.note, ...who });
        const mentionId = (await db.cases.get(caseId))?.mentionIds[0] ?? '';
        return keep(evidenceId, { caseId, mentionId }, who.syncEnabled);
      }
      const saved = await saveCapture(db, { mention, also: await notStored(db, also), review, ...who });
      return keep(evidenceId, saved, who.syncEnabled);
    },
    'capture/attach': async ({ mention, caseId, note, also, evidenceId }) => {
      const [who, settings] = await Promise.all([actor(), readSettings()]);
      checkCapture(mention, settings);
      const saved = await attachMention(db, {
        caseId: await team.resolve(caseId),
        mention,
        also: await notStored(db, also),
        note,
        ...who,
      });
      return keep(evidenceId, saved, who.syncEnabled);
    },
  };
}
