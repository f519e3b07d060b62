import { z } from 'zod';
import { CaptureReviewSchema, CaseSchema, CaseStatusSchema, ProblemSchema, SyncStateSchema } from '../domain/case';
import { HttpUrlSchema, IsoInstantSchema, MentionSchema } from '../domain/mention';
import { DM_MAX_RANGE } from '../extract/dm-limits';
import { CaseSummarySchema } from '../domain/case-summary';
import { AuthModeSchema, CredentialsSchema } from '../domain/credentials';
import { BackendKindSchema, BackendSettingsSchema, SettingsSchema, WorkbenchSettingsSchema } from '../domain/settings';
import type { Problem } from '../domain/problem';
import { CaptureExtrasSchema, DmRangeSchema } from '../capture/outcome';
import { RosterSchema, TeamHistoryEntrySchema, TeamStateSchema } from '../domain/team';
import {
  HandoffResultSchema,
  HandoffTargetSchema,
  IdentitySchema,
  OnThisSchema,
  TakeResultSchema,
  TeamActivitySummarySchema,
  TeamCaseViewSchema,
} from '../domain/team-view';

/** Names a capture's evidence record (a UUID the background made). */
const EvidenceIdSchema = z.string().uuid();
/** Where a case stands with the backend (domain/sync-detail.ts). */
const SyncDetailSchema = z.object({
  state: SyncStateSchema,
  problem: ProblemSchema.nullable(),
  nextTryAt: z.number().nullable(),
});

/**
 * Every message an extension page (popup, side panel, options) sends to the background, one
 * entry each: what it asks, what it answers. The background validates both the sender and the
 * request against these schemas before anything runs (see messaging/router.ts). One map per
 * direction: the markers content script's messages are `markerProtocol`, below.
 */
export const protocol = {
  /**
   * What the popup opens on, in one round trip: the capture the context menu or shortcut made for
   * this tab (taken once; stale ones dropped), else a fresh read of the tab (`fresh` skips the
   * pending one); the case already holding that post (a post is never stored twice); whether one
   * of the brand's own accounts wrote it (then it is no complaint); each category's default owner.
   * `mention` is null on a page that cannot be read at all (a browser or extension page).
   */
  'capture/open': {
    request: z.object({
      tabId: z.number().int(),
      fresh: z.boolean().optional(),
      /** A conversation read again for the customer's last this many messages (the popup's range). */
      dmLast: z.number().int().min(1).max(DM_MAX_RANGE).optional(),
    }),
    response: z.object({
      mention: MentionSchema.nullable(),
      readError: ProblemSchema.nullable(),
      /**
       * The case already holding that post: this browser's, or the team's (`source: 'team'`, its id
       * usable in case/log and capture/attach like a local one). Never a fresh form for a post
       * the team has, unless the team could not be asked in time (`team` says so).
       */
      duplicate: CaseSummarySchema.nullable(),
      /** A conversation's other messages in the range, oldest first (not yet stored ones only). */
      also: z.array(MentionSchema).max(DM_MAX_RANGE).optional(),
      dm: DmRangeSchema.nullable().optional(),
      /** Whether the team backend was asked (`ok`), is not configured (`off`) or did not answer. */
      team: TeamStateSchema,
      /** The brand's own account that wrote it (its handle), if one did. */
      brandAccount: z.string().nullable(),
      /** Each category's default owner, from its protocol in the options. */
      owners: z.record(z.string(), z.string()),
      /**
       * The evidence of this capture (an image of the post, taken once the popup shows the
       * mention: `evidence/take`), to name when saving; null (or absent) when evidence is off or
       * not possible.
       */
      evidenceId: z.string().nullable().optional(),
    }),
  },
  /**
   * Store a reviewed capture as a new case (mention + case + outbox entry in one transaction); a
   * conversation's other messages in the range (`also`) are stored under the same case;
   * `evidenceId` (from capture/open) keeps the capture's evidence with the case. Refused
   * without text (`text_missing`) and for a post of the brand's own accounts.
   */
  'capture/save': {
    request: z
      .object({ mention: MentionSchema, review: CaptureReviewSchema, evidenceId: EvidenceIdSchema.optional() })
      .extend(CaptureExtrasSchema.shape),
    response: z.object({ caseId: z.string(), mentionId: z.string() }),
  },
  /** The popup shows the mention: take the evidence image now (answers at once; the image follows). */
  'evidence/take': {
    request: z.object({ evidenceId: EvidenceIdSchema }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Add a note or a decision to a case's log. */
  'case/log': {
    request: z.object({ caseId: z.string(), kind: z.enum(['note', 'decision']), text: z.string().min(1).max(20_000) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Change a case's status and/or owner; each change is logged with who and when. */
  'case/update': {
    request: z.object({
      caseId: z.string(),
      status: CaseStatusSchema.optional(),
      owner: z.string().max(200).nullable().optional(),
    }),
    response: z.object({ ok: z.literal(true) }),
  },
  /**
   * The agent takes ownership of a case (owner = the agent's name: from the backend's token, else
   * the options). Without a name it fails with a message; team/take says more (who owns it now).
   */
  'case/take': {
    request: z.object({ caseId: z.string() }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** One case, for the popup's confirmation (status, sync state). */
  'case/get': {
    request: z.object({ caseId: z.string() }),
    response: CaseSchema.nullable(),
  },
  /** Where a case stands with the backend: why it waits and the next try, or why it was refused. */
  'case/sync': {
    request: z.object({ caseId: z.string() }),
    response: SyncDetailSchema,
  },
  /** Delete a case that never left this browser, with its mentions and waiting pushes (else `case_not_deletable`). */
  'case/delete': {
    request: z.object({ caseId: z.string() }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Close a case as "not a complaint", with the reason (resolved; both sent to the backend). */
  'case/dismiss': {
    request: z.object({ caseId: z.string(), reason: z.string().trim().min(1).max(2000) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Merge `otherId` into `caseId`: mentions and history move over, the other leaves the queue. */
  'case/merge': {
    request: z.object({ caseId: z.string(), otherId: z.string() }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Record the team's first response: the reply's permalink (or none), now, by this agent. */
  'case/answer': {
    request: z.object({ caseId: z.string(), url: HttpUrlSchema.nullable() }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Read the tab's page for a reply by one of the brand's accounts to the case's post. */
  'case/find-reply': {
    request: z.object({ caseId: z.string(), tabId: z.number().int() }),
    response: z.object({
      reply: z.object({ url: HttpUrlSchema, at: IsoInstantSchema.nullable(), author: z.string() }).nullable(),
    }),
  },

  // --- The agent's workflow: attaching to a case, identities, export, retention, markers ---
  /** The author's earlier cases (linked identities too), to attach a capture to; asked after the form shows. */
  'capture/author-cases': {
    request: z.object({ mention: MentionSchema }),
    response: z.object({ cases: z.array(CaseSummarySchema) }),
  },
  /** Add a capture (and a conversation's other messages in it) to an earlier case of the same customer (logged, queued for the backend). */
  'capture/attach': {
    request: z
      .object({
        mention: MentionSchema,
        caseId: z.string(),
        note: z.string().max(20_000),
        evidenceId: EvidenceIdSchema.optional(),
      })
      .extend(CaptureExtrasSchema.shape),
    response: z.object({ caseId: z.string(), mentionId: z.string() }),
  },
  /** Link two author identities (`platform:handle`) as the same person. */
  'identity/link': {
    request: z.object({ a: z.string().min(3).max(300), b: z.string().min(3).max(300) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Take an identity out of its group of linked identities. */
  'identity/unlink': {
    request: z.object({ authorKey: z.string().min(3).max(300) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Every case and mention as a file (CSV with formulas neutralised, or JSON); never settings or credentials. */
  'data/export': {
    request: z.object({ format: z.enum(['json', 'csv']) }),
    response: z.object({ filename: z.string(), mime: z.string(), content: z.string() }),
  },
  /** Import a JSON export: validated whole first; a bad file gets an error and changes nothing. */
  'data/import': {
    request: z.object({ text: z.string().max(100_000_000) }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), cases: z.number(), mentions: z.number(), skipped: z.number() }),
      z.object({ ok: z.literal(false), error: ProblemSchema }),
    ]),
  },
  /** Read the retention setting (days mentions are kept; null = off). */
  'retention/get': {
    request: z.object({}),
    response: z.object({ days: z.number().nullable() }),
  },
  /** Set the retention and purge what is older right away; answers how many mentions were purged. */
  'retention/set': {
    request: z.object({ days: z.number().int().min(1).max(3650).nullable() }),
    response: z.object({ purged: z.number() }),
  },
  /** Sites where case markers are shown (the agent granted each host). */
  'markers/sites': {
    request: z.object({}),
    response: z.object({ origins: z.array(z.string()) }),
  },
  /** Show or stop showing markers on one site; the page asked for the host permission first. */
  'markers/set': {
    request: z.object({ origin: z.string().regex(/^https?:\/\/[^/]+$/), on: z.boolean() }),
    response: z.object({ ok: z.literal(true) }),
  },
  // --- The team: cases of every agent, history, roster, ownership (background/team-*.ts) ---
  /**
   * The cases linked to a page (same post, author or thread): this browser's and the team's in one
   * list without duplicates, each with who captured it and who owns it. `team` says whether the
   * backend answered (else only local cases, "team view unavailable"); `nextPollMs`: when to ask
   * again on a backend without events (helpdesks, paced by their rate limits); `fresh` skips the
   * short cache (after an event).
   */
  'team/linked': {
    request: z.object({ url: z.string().max(4096), fresh: z.boolean().optional() }),
    response: z.object({
      cases: z.array(TeamCaseViewSchema),
      team: TeamStateSchema,
      nextPollMs: z.number().nullable(),
      me: z.string().nullable(),
    }),
  },
  /** A case's whole history from the backend (notes, decisions, status and owner changes, by whom, when); this browser's log when the backend does not have it. */
  'team/history': {
    // `fresh` skips the short cache: the side panel asks after a change event.
    request: z.object({ caseId: z.string().max(300), fresh: z.boolean().optional() }),
    response: z.object({
      team: TeamStateSchema,
      source: z.enum(['team', 'local']),
      entries: z.array(TeamHistoryEntrySchema),
    }),
  },
  /** Who cases can be handed to (agents, and groups where the backend has them), and who the agent is. */
  'team/roster': {
    request: z.object({}),
    response: z.object({ team: TeamStateSchema, roster: RosterSchema, me: IdentitySchema }),
  },
  /** Who the agent is: the backend's answer for the token, else the options' name (null: ask for it). */
  'team/me': { request: z.object({}), response: IdentitySchema },
  /** The agent's name, asked by the side panel before the first action when none is known (kept in the options). */
  'team/set-name': {
    request: z.object({ name: z.string().trim().min(1).max(200) }),
    response: IdentitySchema,
  },
  /** Take a case: answers who owns it when a colleague does (send again with confirm), or that a name is needed. */
  'team/take': {
    request: z.object({ caseId: z.string().max(300), confirm: z.boolean().optional() }),
    response: TakeResultSchema,
  },
  /** Hand a case to an agent or a group with a note (recorded as "Anna → Bram"). */
  'team/handoff': {
    request: z.object({ caseId: z.string().max(300), to: HandoffTargetSchema, note: z.string().max(20_000) }),
    response: HandoffResultSchema,
  },
  /** "Anna is on this (since 10:02)": the last agent who acted, and since when. */
  'team/on-this': { request: z.object({ caseId: z.string().max(300) }), response: OnThisSchema },
  /** A URL for the side panel's EventSource (the backend's change events, with a short-lived ticket); null without events. */
  'team/events-url': { request: z.object({}), response: z.object({ url: z.string().nullable() }) },
  /** What the team did while the panel was closed (read by the badge). */
  'team/activity': { request: z.object({}), response: TeamActivitySummarySchema },
  /** The panel showed these cases: they no longer count as handed to the agent or changed. */
  'team/seen': {
    request: z.object({ remoteIds: z.array(z.string().max(300)).max(500) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Put failed syncs back in the queue (one case, or all) after the agent fixed the settings. */
  'sync/retry': {
    request: z.object({ caseId: z.string().optional() }),
    response: z.object({ requeued: z.number().int() }),
  },
  /** Bring the backend's status and owner into acknowledged cases now (also runs every 5 minutes). */
  'sync/refresh': {
    request: z.object({}),
    response: z.object({ changed: z.number().int() }),
  },
  /** How sync stands: cases waiting, needing attention, and why the backend cannot be reached. */
  'sync/status': {
    request: z.object({}),
    response: z.object({
      waiting: z.number().int(),
      failed: z.number().int(),
      lastRunAt: z.number().nullable(),
      problem: ProblemSchema.nullable(),
    }),
  },
  /** Settings for the options page, with the secret reduced to a hint. */
  'settings/get': {
    request: z.object({}),
    response: z.object({
      settings: SettingsSchema,
      credentialHint: z.string().nullable(),
      email: z.string().nullable(),
      authMode: AuthModeSchema.nullable(),
    }),
  },
  /** Save the backend settings and (when a token is given) credentials; the page has asked for host permission first. */
  'settings/save': {
    // An empty token keeps the saved one; settings without dmCapture or evidence keep those switches.
    request: z.object({ settings: BackendSettingsSchema, credentials: CredentialsSchema }),
    response: z.object({ credentialHint: z.string().nullable() }),
  },
  /** Save the brand's accounts, the SLA hours per severity and the protocol per category. */
  'settings/workbench': {
    request: WorkbenchSettingsSchema,
    response: z.object({ ok: z.literal(true) }),
  },
  /** Switch the capture of direct messages on or off (options); stored with the settings. */
  'settings/dm-capture': {
    request: z.object({ on: z.boolean() }),
    response: z.object({ on: z.boolean() }),
  },
  /** Switch the evidence image of each capture on or off (options); answers the stored choice. */
  'settings/evidence': {
    request: z.object({ on: z.boolean() }),
    response: z.object({ on: z.boolean() }),
  },
  /** Try the backend with the form's values (saved token when left empty); success text or the exact failure. */
  'settings/test-connection': {
    request: z.object({
      backend: BackendKindSchema,
      backendUrl: z.string().max(2048),
      /** An empty token means the saved one (only for the saved backend's origin). */
      credentials: CredentialsSchema,
    }),
    response: z.object({
      ok: z.boolean(),
      problem: ProblemSchema.nullable(),
      /** Who answered: the backend (name or host), and the agent the credentials belong to. */
      connected: z.object({ backend: z.string(), agent: z.string().nullable() }).nullable(),
    }),
  },
} as const;

/**
 * What the markers content script (injected only on sites where the agent switched case markers
 * on) asks the background. Answered only for this extension's own content script, through the
 * same router as `protocol` (messaging/router.ts).
 */
export const markerProtocol = {
  /** Which of these normalised permalinks have a case, and its status. */
  'markers/lookup': {
    request: z.object({ keys: z.array(z.string().max(4096)).max(500) }),
    response: z.record(z.string(), z.object({ caseId: z.string(), status: CaseStatusSchema })),
  },
  /** The agent clicked a marker: open that case in the side panel of the marker's tab. */
  'markers/open': {
    request: z.object({ caseId: z.string().max(100) }),
    response: z.object({ ok: z.literal(true) }),
  },
} as const;

/** A map of messages: each type with the schema of its request and of its answer. */
export type ProtocolMap = Record<string, { request: z.ZodType; response: z.ZodType }>;
/** What a page sends (defaults may be left out). */
export type RequestIn<P extends ProtocolMap, K extends keyof P> = z.input<P[K]['request']>;
/** What a handler is given: the request after its schema (defaults filled in). */
export type ParsedRequestIn<P extends ProtocolMap, K extends keyof P> = z.infer<P[K]['request']>;
export type ResponseIn<P extends ProtocolMap, K extends keyof P> = z.infer<P[K]['response']>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = RequestIn<Protocol, K>;
export type ResponseOf<K extends MessageType> = ResponseIn<Protocol, K>;

export type MarkerProtocol = typeof markerProtocol;
export type MarkerMessageType = keyof MarkerProtocol;

/** The envelope on the wire. */
export const EnvelopeSchema = z.object({ type: z.string(), payload: z.unknown() });
/** An answer: the value, or what went wrong as a code and its data (never a sentence: the pages word it). */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: Problem };
