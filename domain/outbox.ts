import { z } from 'zod';

/**
 * One pending push to the backend. A `create` carries the case's own idempotency key, reused on
 * every retry; an `update` (status, owner, note, decision) gets its own key when queued.
 */
export const OutboxEntrySchema = z.object({
  id: z.number().int().optional(),
  caseId: z.string(),
  op: z.enum(['create', 'update']),
  idempotencyKey: z.string().uuid(),
  /** For `update`: the fields that changed and the log entry to add. */
  patch: z
    .object({
      status: z.string().optional(),
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
    })
    .nullable(),
  /**
   * pending: waiting for its time; inflight: a request is out; unknown: a create was sent but
   * no answer came (look the key up before creating again); failed: permanent error, needs the agent.
   */
  state: z.enum(['pending', 'inflight', 'unknown', 'failed']),
  attempts: z.number().int().nonnegative(),
  /** Epoch milliseconds before which it is not tried again. */
  nextAttemptAt: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.number(),
  /** Epoch milliseconds when the current request went out (state `inflight`); added for issue 4. */
  inflightAt: z.number().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
