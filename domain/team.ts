import { z } from 'zod';
import { CaseStatusSchema, CategorySchema, SeveritySchema } from './case';
import { IsoInstantSchema } from './primitives';

/**
 * The team's view of cases, as every adapter reports it (sync/adapter.ts `TeamReader`) and the
 * background hands it to the extension's pages: what the backend holds, whoever captured it.
 */

/** Why a team case is shown next to a page: the same post, the same author, the same thread. */
export const TeamMatchSchema = z.enum(['post', 'author', 'thread']);
export type TeamMatch = z.infer<typeof TeamMatchSchema>;

/** One line of a case's history on the backend, by any agent. */
export const TeamHistoryEntrySchema = z.object({
  at: IsoInstantSchema,
  /** The agent (or the backend's user) who did it; null when the backend does not say. */
  by: z.string().nullable(),
  kind: z.enum(['created', 'note', 'decision', 'status', 'owner', 'mention', 'other']),
  text: z.string(),
  /** A hand-off's note, kept with the owner change it came with. */
  note: z.string().nullable(),
  /** Owner changes: who had it and who has it now ("Anna → Bram"); a group is named as such. */
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type TeamHistoryEntry = z.infer<typeof TeamHistoryEntrySchema>;

export const TeamDecisionSchema = z.object({ at: IsoInstantSchema, by: z.string().nullable(), text: z.string() });
export type TeamDecision = z.infer<typeof TeamDecisionSchema>;

/** The last agent who acted on a case, and when ("who is on this"). */
export const TeamActivitySchema = z.object({ at: IsoInstantSchema, by: z.string(), kind: z.string() });
export type TeamActivity = z.infer<typeof TeamActivitySchema>;

export const TeamCaseSchema = z.object({
  /** The backend's own id of the case or ticket. */
  remoteId: z.string().min(1),
  /** Where a person opens it (the helpdesk's agent page), when the backend has one. */
  url: z.string().nullable(),
  status: CaseStatusSchema,
  /** The agent who owns it, by name. */
  owner: z.string().nullable(),
  /** The group or team it is assigned to, when it is handed to a group. */
  ownerGroup: z.string().nullable(),
  capturedBy: z.string().nullable(),
  category: CategorySchema,
  severity: SeveritySchema,
  createdAt: IsoInstantSchema.nullable(),
  updatedAt: IsoInstantSchema,
  latestDecision: TeamDecisionSchema.nullable(),
  lastActivity: TeamActivitySchema.nullable(),
  /** The first captured post's permalink and the start of its text (at most 280 characters). */
  postUrl: z.string().nullable(),
  text: z.string(),
  /** Who wrote the first post, when the backend says (the own contract does). */
  author: z.string().nullable().optional(),
  matched: z.array(TeamMatchSchema),
  /** The last few history entries, when the lookup carries them (the own contract does). */
  recentHistory: z.array(TeamHistoryEntrySchema),
});
export type TeamCase = z.infer<typeof TeamCaseSchema>;

export const TeamMemberSchema = z.object({ id: z.string(), name: z.string() });
export type TeamMember = z.infer<typeof TeamMemberSchema>;

/** Who cases can be handed to: agents, and groups where the backend has them. */
export const RosterSchema = z.object({ agents: z.array(TeamMemberSchema), groups: z.array(TeamMemberSchema) });
export type Roster = z.infer<typeof RosterSchema>;

/** One change from a backend's change feed (the own contract's `GET /api/changes`). */
export const TeamChangeSchema = z.object({
  cursor: z.string(),
  remoteId: z.string(),
  at: IsoInstantSchema,
  by: z.string(),
  kind: z.string(),
  text: z.string(),
  status: CaseStatusSchema.nullable(),
  owner: z.string().nullable(),
});
export type TeamChange = z.infer<typeof TeamChangeSchema>;

/**
 * Whether the team view could be read. `off`: no backend configured (local cases only);
 * `unavailable`: the backend did not answer in time or refused (the message says why, local cases
 * are still shown); `ok`: the list holds the team's cases.
 */
export const TeamStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), fetchedAt: z.number() }),
  z.object({ state: z.literal('off') }),
  z.object({ state: z.literal('unavailable'), message: z.string() }),
]);
export type TeamState = z.infer<typeof TeamStateSchema>;
