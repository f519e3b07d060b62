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
    /** Text added to the case's history. */
    note: z.string().min(1).max(20_000).optional(),
    noteKind: z.enum(['note', 'decision']).optional(),
    /** Who made the change (the agent's name). */
    by: z.string().max(200).optional(),
  })
  .strict();
export type PatchCaseBody = z.infer<typeof PatchCaseBodySchema>;

export const HistoryEntrySchema = z.object({
  at: IsoInstantSchema,
  by: z.string(),
  kind: z.string(),
  text: z.string(),
});

export const ContractCaseSchema = z.object({
  id: z.string().min(1),
  status: CaseStatusSchema,
  owner: z.string().nullable(),
  category: CategorySchema,
  severity: SeveritySchema,
  mentions: z.array(z.unknown()),
  history: z.array(HistoryEntrySchema),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
  idempotencyKey: z.string().optional(),
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
});
export type BatchResult = z.infer<typeof BatchResultSchema>;
export const BatchAnswerSchema = z.object({ results: z.array(BatchResultSchema) });

/** Error body of every 4xx/5xx answer. */
export const ErrorBodySchema = z.object({ error: z.string() });
