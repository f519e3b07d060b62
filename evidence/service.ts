import type { EvidenceMissing } from '../domain/evidence-missing';
import type { Mention } from '../domain/mention';
import type { CaptureDb } from '../storage/db';
import { claimEvidence, noteMissingEvidence, putPendingEvidence } from '../storage/evidence';
import { storageProblem } from '../storage/errors';
import { takeEvidence, type EvidenceDeps, type Seed } from './take';

/** How many captures waiting for their image are remembered (a burst of shortcut captures). */
const KEEP_SEEDS = 50;

export interface EvidenceService {
  /**
   * Remembers a capture read from a tab for its evidence; its id goes to the popup, which asks
   * for the image once the mention is on screen (`take`) and names it when saving (`link`).
   * Null when evidence is switched off, for a direct message (private), or when the page gave no view
   * of the post (it could not be read).
   */
  seed(tabId: number, read: { mention: Mention; view: unknown }): Promise<string | null>;
  /** Starts taking the image (once per id; later calls wait for the same job). */
  take(id: string): Promise<void>;
  /**
   * Links the evidence of a saved capture to its case and mention (queued for the backend when
   * one is configured); when no image could be kept, the case's history says why.
   */
  link(id: string, to: { caseId: string; mentionId: string; syncEnabled: boolean }): Promise<void>;
}

type JobOutcome = { ok: true } | { ok: false; missing: EvidenceMissing };

/** The evidence of captures: one per saved capture, taken after the popup has shown the mention. */
export function createEvidenceService(
  db: CaptureDb,
  deps: EvidenceDeps,
  /** The options page's switch. */
  enabled: () => Promise<boolean>,
): EvidenceService {
  const seeds = new Map<string, Seed>();
  const jobs = new Map<string, Promise<JobOutcome>>();

  const run = async (id: string, seed: Seed): Promise<JobOutcome> => {
    const taken = await takeEvidence(id, seed, deps);
    if (!taken.ok) return taken;
    try {
      await putPendingEvidence(db, taken.record);
      return { ok: true };
    } catch (e) {
      // Disk full and the like: the same plain sentence as any other storage failure.
      return { ok: false, missing: { reason: 'storage', detail: storageProblem(e).code } };
    }
  };

  const job = (id: string): Promise<JobOutcome> | null => {
    const started = jobs.get(id);
    if (started) return started;
    const seed = seeds.get(id);
    if (!seed) return null;
    seeds.delete(id);
    const p = run(id, seed);
    jobs.set(id, p);
    void p.finally(() => setTimeout(() => jobs.delete(id), 60_000));
    return p;
  };

  return {
    async seed(tabId, read) {
      // A direct message is private: its image would show the conversation and the agent's other
      // chats, which the DM opt-in (reading the customer's words) does not cover. The capture
      // script sends no view for one; this holds whatever a page sends.
      if (read.mention.kind === 'dm') return null;
      if (!(await enabled())) return null;
      const token = readToken(read.view);
      const url = read.view && typeof read.view === 'object' ? (read.view as { url?: unknown }).url : null;
      if (!token || typeof url !== 'string') return null;
      const id = crypto.randomUUID();
      seeds.set(id, { tabId, mention: read.mention, token, url });
      while (seeds.size > KEEP_SEEDS) seeds.delete(seeds.keys().next().value!);
      return id;
    },
    async take(id) {
      await job(id);
    },
    async link(id, to) {
      const outcome = (await job(id)) ?? { ok: true };
      if (!outcome.ok) return noteMissingEvidence(db, to.caseId, outcome.missing);
      const claimed = await claimEvidence(db, { evidenceId: id, ...to }).catch((e: unknown) => storageProblem(e).code);
      // The record is gone when this worker restarted before the image was stored.
      if (claimed === 'missing') await noteMissingEvidence(db, to.caseId, { reason: 'restarted' });
      else if (claimed !== 'claimed' && claimed !== 'already')
        await noteMissingEvidence(db, to.caseId, { reason: 'storage', detail: claimed });
    },
  };
}

/** For tests and callers without evidence: keeps nothing. */
export const NO_EVIDENCE: EvidenceService = {
  seed: async () => null,
  take: async () => {},
  link: async () => {},
};

/** The token the capture script gave its element (32 hex digits), or null. */
function readToken(view: unknown): string | null {
  const token = view && typeof view === 'object' ? (view as { token?: unknown }).token : null;
  return typeof token === 'string' && /^[0-9a-f]{32}$/.test(token) ? token : null;
}
