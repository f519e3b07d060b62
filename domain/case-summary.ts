import { z } from 'zod';
import {
  CaseStatusSchema,
  CategorySchema,
  LogEntrySchema,
  SeveritySchema,
  type Case,
  type StoredMention,
} from './case';

/**
 * What the popup shows of an existing case (a duplicate, or the author's earlier case), so it
 * never needs the database itself: status, owner, age, first mention and the latest log lines.
 */
export const CaseSummarySchema = z.object({
  id: z.string(),
  status: CaseStatusSchema,
  owner: z.string().nullable(),
  category: CategorySchema,
  severity: SeveritySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  text: z.string(),
  url: z.string().nullable(),
  recentLog: z.array(LogEntrySchema),
  /** `team`: a colleague's case on the backend, not held in this browser (absent: local). */
  source: z.enum(['local', 'team']).optional(),
  /** Who captured it, when known. */
  capturedBy: z.string().nullable().optional(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export function summarise(c: Case, first: StoredMention | undefined): CaseSummary {
  return {
    id: c.id,
    status: c.status,
    owner: c.owner,
    category: c.category,
    severity: c.severity,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    text: (first?.text ?? '').slice(0, 280),
    url: first?.url ?? null,
    recentLog: c.log.slice(-3),
  };
}
