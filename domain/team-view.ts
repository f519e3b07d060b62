import { z } from 'zod';
import { CaseStatusSchema, CategorySchema, SeveritySchema, SyncStateSchema } from './case';
import { IsoInstantSchema } from './primitives';
import { TeamActivitySchema, TeamDecisionSchema, TeamMatchSchema } from './team';

/**
 * A case as the extension's pages show it: this browser's copy and the team's merged into one,
 * whoever captured it. What the background answers `team/linked` with.
 */

/** The id of a colleague's case not held in this browser: usable in every case message. */
export function teamCaseId(kind: string, remoteId: string): string {
  return `team:${kind}:${remoteId}`;
}

export function parseTeamCaseId(id: string): { kind: string; remoteId: string } | null {
  const m = /^team:([a-z]+):(.+)$/.exec(id);
  return m ? { kind: m[1]!, remoteId: m[2]! } : null;
}

export const TeamCaseViewSchema = z.object({
  /**
   * The id every case message takes (`case/*`, `team/*`): the local case's id, or for a
   * colleague's case not held here `team:<backend>:<remote id>` (acting on it keeps a copy here).
   */
  id: z.string(),
  /** This browser's copy, if any. */
  localCaseId: z.string().nullable(),
  /** The backend's id, once the backend has it. */
  remoteId: z.string().nullable(),
  /** `local`: only here (not synced yet, or no backend); `team`: only on the backend; `both`. */
  source: z.enum(['local', 'team', 'both']),
  /** Why it is shown: the same post, author or thread. */
  reasons: z.array(TeamMatchSchema),
  status: CaseStatusSchema,
  owner: z.string().nullable(),
  ownerGroup: z.string().nullable(),
  capturedBy: z.string().nullable(),
  category: CategorySchema,
  severity: SeveritySchema,
  createdAt: IsoInstantSchema.nullable(),
  updatedAt: IsoInstantSchema,
  latestDecision: TeamDecisionSchema.nullable(),
  /** The last agent who acted, and when ("who is on this"). */
  lastActivity: TeamActivitySchema.nullable(),
  /** The start of the first post's text, and its permalink. */
  text: z.string(),
  /** Who wrote the first post (null: the backend does not say). */
  author: z.string().nullable().optional(),
  postUrl: z.string().nullable(),
  /** Where a person opens it in the backend. */
  url: z.string().nullable(),
  /** This browser's sync state of its copy (null: no copy here). */
  syncState: SyncStateSchema.nullable(),
  /** Owned by the agent using this browser. */
  mine: z.boolean(),
  /** Handed to this agent by someone else, and not acted on by them since. */
  handedToMe: z.boolean(),
});
export type TeamCaseView = z.infer<typeof TeamCaseViewSchema>;

/** Who a case is handed to: an agent or a group, from the roster (id) or typed (no id). */
export const HandoffTargetSchema = z.object({
  kind: z.enum(['agent', 'group']),
  /** The roster's id (helpdesks assign by id); null for a typed name. */
  id: z.string().max(100).nullable(),
  name: z.string().trim().min(1).max(200),
});
export type HandoffTarget = z.infer<typeof HandoffTargetSchema>;

/** "Anna is on this (since 10:02)": the last agent who acted on a case and since when. */
export const OnThisSchema = z.object({
  agent: z.string().nullable(),
  /** When that agent's current run of actions began. */
  since: IsoInstantSchema.nullable(),
  /** Their latest action. */
  lastAt: IsoInstantSchema.nullable(),
  isMe: z.boolean(),
});
export type OnThis = z.infer<typeof OnThisSchema>;

/** Who the agent is: what the backend says the credentials belong to, else the options' name. */
export const IdentitySchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  source: z.enum(['backend', 'settings']).nullable(),
});

/**
 * Taking a case. `owned-by-other`: a colleague owns it (ask, then send again with confirm);
 * `unchecked`: the backend could not say who owns it (ask, then confirm); `need-agent-name`: no
 * name is known yet (ask for it first: nothing was written).
 */
export const TakeResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('taken'), caseId: z.string(), owner: z.string(), previous: z.string().nullable() }),
  z.object({ status: z.literal('owned-by-other'), owner: z.string(), since: z.string().nullable() }),
  z.object({ status: z.literal('unchecked'), message: z.string() }),
  z.object({ status: z.literal('need-agent-name') }),
]);

export const HandoffResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('handed'),
    caseId: z.string(),
    owner: z.string().nullable(),
    ownerGroup: z.string().nullable(),
  }),
  z.object({ status: z.literal('need-agent-name') }),
]);

/** What the team did while the side panel was closed (for the badge): remote ids. */
export const TeamActivitySummarySchema = z.object({
  handedToMe: z.array(z.string()),
  changed: z.array(z.string()),
  lastPolledAt: z.number().nullable(),
  problem: z.string().nullable(),
});
