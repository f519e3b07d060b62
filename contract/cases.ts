import { z } from 'zod';
import { CaseStatusSchema, CategorySchema, SeveritySchema } from '../domain/case';
import { IsoInstantSchema, MentionSchema } from '../domain/mention';

/**
 * The project's own case-backend contract (docs/backend-contract.md), as Zod schemas shared by
 * the reference backend (server/) and the extension's adapter (sync/adapters/http-contract.ts),
 * which both depend on this module and neither on the other.
 */
export const CreateCaseBodySchema = z.object({
  mention: MentionSchema,
  category: CategorySchema,
  severity: SeveritySchema,
  note: z.string().max(20_000),
  capturedBy: z.string().min(1).max(200),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBodySchema>;

export const PatchCaseBodySchema = z
  .object({
    status: CaseStatusSchema.optional(),
    owner: z.string().max(200).nullable().optional(),
    /** The group or team the case is handed to (null: none). */
    group: z.string().max(200).nullable().optional(),
    /** Text added to the case's history. */
    note: z.string().min(1).max(20_000).optional(),
    /** `handoff`: the note goes with this request's owner or group change ("Anna → Bram: …"). */
    noteKind: z.enum(['note', 'decision', 'handoff']).optional(),
    /** A post added to the case (a capture attached to it); its post key then finds this case. */
    mention: MentionSchema.optional(),
    /** Who made the change. Only the admin token may say so; an agent's token names its agent. */
    by: z.string().max(200).optional(),
  })
  .strict();
export type PatchCaseBody = z.infer<typeof PatchCaseBodySchema>;

export const HistoryEntrySchema = z.object({
  at: IsoInstantSchema,
  by: z.string(),
  kind: z.string(),
  text: z.string(),
  /** Owner changes: the owner before and after (a group as `team <name>`), and a hand-off's note. */
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const ContractCaseSchema = z.object({
  id: z.string().min(1),
  status: CaseStatusSchema,
  owner: z.string().nullable(),
  /** The group or team it is handed to, if any (optional: older backends have none). */
  group: z.string().nullable().optional(),
  category: CategorySchema,
  severity: SeveritySchema,
  mentions: z.array(z.unknown()),
  history: z.array(HistoryEntrySchema),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
  idempotencyKey: z.string().optional(),
  /** On a create's answer: true when the post already had a case, and this is that case. */
  existing: z.boolean().optional(),
  /** Where a person opens the case in the backend's own UI, if it has one. */
  webUrl: z.string().nullable().optional(),
});
export type ContractCase = z.infer<typeof ContractCaseSchema>;

export const CaseListSchema = z.object({ cases: z.array(ContractCaseSchema) });

/** Most creates one `POST /api/cases/batch` may carry. */
export const BATCH_MAX = 100;

/** `POST /api/cases/batch`: creates, each with its own idempotency key (checked item by item). */
export const BatchCreateBodySchema = z.object({ cases: z.array(z.unknown()).min(1).max(BATCH_MAX) });
export type BatchCreateItem = CreateCaseBody & { idempotencyKey: string };

/** One item's answer: what `POST /api/cases` would have answered for it alone. */
export const BatchResultSchema = z.object({
  idempotencyKey: z.string().nullable(),
  status: z.number().int(),
  case: ContractCaseSchema.optional(),
  error: z.string().optional(),
  /** As on a single create: the post already had this case. */
  existing: z.boolean().optional(),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;
export const BatchAnswerSchema = z.object({ results: z.array(BatchResultSchema) });

/** Error body of every 4xx/5xx answer. */
export const ErrorBodySchema = z.object({ error: z.string() });
