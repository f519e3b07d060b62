import { z } from 'zod';
import { CaseStatusSchema, ProblemSchema } from './case';

/** For an `update`: the fields that changed and the log entry to add. */
export const OutboxPatchSchema = z.object({
  status: CaseStatusSchema.optional(),
  owner: z.string().nullable().optional(),
  /** The owner's id in the backend's roster, when picked from it (helpdesks assign by id). */
  ownerId: z.string().nullable().optional(),
  /** A hand-off to a group (its roster id, if any, and name); null takes the group off. */
  group: z.object({ id: z.string().nullable(), name: z.string() }).nullable().optional(),
  logEntryId: z.string().optional(),
  /** The log entry is the note of this update's hand-off. */
  handoff: z.boolean().optional(),
  /** A mention attached to the case: sent along so the backend finds the case by its post. */
  mentionId: z.string().optional(),
  /** For an `evidence` entry: the evidence record (storage/evidence.ts) to send. */
  evidenceId: z.string().optional(),
});
export type OutboxPatch = z.infer<typeof OutboxPatchSchema>;

/**
 * One pending push to the backend. A `create` carries the case's own idempotency key, reused on
 * every retry; an `update` (status, owner, note, decision) and an `evidence` upload (an image of
 * the post, sent after the case exists) each get their own key when queued.
 */
export const OutboxEntrySchema = z.object({
  id: z.number().int().optional(),
  caseId: z.string(),
  op: z.enum(['create', 'update', 'evidence']),
  idempotencyKey: z.string().uuid(),
  patch: OutboxPatchSchema.nullable(),
  /**
   * pending: waiting for its time; inflight: a request is out; unknown: a create (or an evidence
   * upload) was sent but no answer came (look it up before sending again); failed: permanent
   * error, needs the agent.
   */
  state: z.enum(['pending', 'inflight', 'unknown', 'failed']),
  attempts: z.number().int().nonnegative(),
  /** Epoch milliseconds before which it is not tried again. */
  nextAttemptAt: z.number(),
  lastError: z.string().nullable(),
  /** The last error as a code and its data (worded by the pages): why it waits. */
  lastProblem: ProblemSchema.nullable().optional(),
  createdAt: z.number(),
  /**
   * Epoch milliseconds when the current request went out (state `inflight`): an entry inflight for
   * too long belonged to a worker that was stopped, and is taken up again.
   */
  inflightAt: z.number().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/** What a new entry needs: a create carries the case's own key; an update, what changed; evidence, its record. */
export type NewOutboxEntry = { caseId: string; at: number } & (
  | { op: 'create'; idempotencyKey: string }
  | { op: 'update'; patch: OutboxPatch }
  | { op: 'evidence'; evidenceId: string }
);

/** A push waiting to be tried right away (`at`, epoch ms); an update or evidence gets a key of its own. */
export function newOutboxEntry(e: NewOutboxEntry): OutboxEntry {
  return {
    caseId: e.caseId,
    op: e.op,
    idempotencyKey: e.op === 'create' ? e.idempotencyKey : crypto.randomUUID(),
    patch: e.op === 'create' ? null : e.op === 'evidence' ? { evidenceId: e.evidenceId } : e.patch,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: e.at,
    lastError: null,
    createdAt: e.at,
  };
}
