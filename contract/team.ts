import { z } from 'zod';
import { CaseStatusSchema, CategorySchema, SeveritySchema } from '../domain/case';
import { IsoInstantSchema } from '../domain/mention';
import { HistoryEntrySchema } from './cases';

/**
 * The team part of the own contract (docs/backend-contract.md, "Team"): who the agents are, the
 * team's cases for a page in one request, a case's whole history, the change feed and its
 * server-sent events.
 */

/** `POST /api/lookup`: every key of one panel view at once. Posts and threads are URLs (the server normalises them). */
export const LookupBodySchema = z.object({
  posts: z.array(z.string().max(4096)).max(50).default([]),
  /** Author keys, `platform:handle` (domain/author-key.ts), linked identities included by the client. */
  authors: z.array(z.string().max(400)).max(100).default([]),
  threads: z.array(z.string().max(4096)).max(50).default([]),
  /** Most cases to answer, newest update first (default 50). */
  limit: z.number().int().min(1).max(200).optional(),
});
export type LookupBody = z.infer<typeof LookupBodySchema>;

const Decision = z.object({ at: IsoInstantSchema, by: z.string(), text: z.string() });
const Activity = z.object({ at: IsoInstantSchema, by: z.string(), kind: z.string() });

/** One case as a lookup answers it: enough for a list, without the mentions' bodies. */
export const TeamCaseWireSchema = z.object({
  id: z.string().min(1),
  status: CaseStatusSchema,
  owner: z.string().nullable(),
  group: z.string().nullable(),
  category: CategorySchema,
  severity: SeveritySchema,
  capturedBy: z.string().nullable(),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
  latestDecision: Decision.nullable(),
  /** The last change by an agent: who is on this, and since when. */
  lastActivity: Activity.nullable(),
  /** The last three history entries, oldest first. */
  recentHistory: z.array(HistoryEntrySchema).max(10),
  /** The first captured post. */
  post: z.object({ url: z.string(), platform: z.string(), text: z.string(), author: z.string().nullable() }).nullable(),
  webUrl: z.string().nullable().optional(),
  matched: z.array(z.enum(['post', 'author', 'thread'])),
});
export type TeamCaseWire = z.infer<typeof TeamCaseWireSchema>;

/** The answer to a lookup, and the change feed's cursor at the moment it was read. */
export const LookupAnswerSchema = z.object({ cases: z.array(TeamCaseWireSchema), cursor: z.string() });
export type LookupAnswer = z.infer<typeof LookupAnswerSchema>;

/** `GET /api/cases/<id>/history`: every entry, oldest first. */
export const HistoryAnswerSchema = z.object({ id: z.string(), history: z.array(HistoryEntrySchema) });

const Member = z.object({ id: z.string(), name: z.string() });
/** `GET /api/agents`: who cases can be handed to. */
export const AgentsAnswerSchema = z.object({ agents: z.array(Member), groups: z.array(Member) });
export type AgentsAnswer = z.infer<typeof AgentsAnswerSchema>;

/** `GET /api/me`: whose token this is. The admin token has no agent. */
export const MeAnswerSchema = z.object({ agent: Member.nullable(), admin: z.boolean() });
export type MeAnswer = z.infer<typeof MeAnswerSchema>;

/** `POST /api/agents` and `POST /api/groups` (admin token only). */
export const NameBodySchema = z.object({ name: z.string().trim().min(1).max(100) });
export const AddAgentAnswerSchema = z.object({ agent: Member, token: z.string() });

/** One change of the feed; `cursor` is the store's, opaque to clients, and increases. */
export const ChangeSchema = z.object({
  cursor: z.string(),
  caseId: z.string(),
  at: IsoInstantSchema,
  by: z.string(),
  kind: z.string(),
  text: z.string(),
  status: CaseStatusSchema.nullable(),
  owner: z.string().nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;

/**
 * `GET /api/changes?since=<cursor>`: changes after the cursor, oldest first; `more` when cut at the
 * limit. Without `since`: no changes and the current cursor (a client starts from now; `since=0` reads
 * from the start).
 */
export const ChangesAnswerSchema = z.object({ changes: z.array(ChangeSchema), cursor: z.string(), more: z.boolean() });
export type ChangesAnswer = z.infer<typeof ChangesAnswerSchema>;

/** `POST /api/events/ticket`: a short-lived ticket for `GET /api/events?ticket=` (EventSource sends no headers). */
export const EventsTicketAnswerSchema = z.object({ ticket: z.string(), expiresAt: IsoInstantSchema });

/** `GET /api/audit?since=` (admin token): every change of the store, cases, agents and groups. */
export const AuditEntrySchema = z.object({
  cursor: z.string(),
  at: IsoInstantSchema,
  agentId: z.string().nullable(),
  by: z.string(),
  kind: z.string(),
  caseId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export const AuditAnswerSchema = z.object({
  entries: z.array(AuditEntrySchema),
  cursor: z.string(),
  more: z.boolean(),
});
