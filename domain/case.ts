import { z } from 'zod';
import { CASE_STATUSES, CATEGORIES, SEVERITIES, SYNC_STATES } from './enum-values';
import { LOG_CODES, LOG_KINDS } from './log-codes';
import {
  HttpUrlSchema,
  IsoInstantSchema,
  MentionKindSchema,
  MentionSchema,
  MetricsSchema,
  PlatformSchema,
} from './mention';
import { PROBLEM_CODES } from './problem';

export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * One line of a case's history: who did or decided what, and when. What the extension writes
 * itself is a `code` with its `params` (domain/log-codes.ts), worded when shown; `text` holds the
 * agent's own words (notes, decisions), and the whole line in entries written before codes.
 */
export const LogEntrySchema = z.object({
  id: z.string(),
  at: IsoInstantSchema,
  by: z.string(),
  kind: z.enum(LOG_KINDS),
  text: z.string(),
  code: z.enum(LOG_CODES).optional(),
  params: z.record(z.string(), z.string()).optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

/** What went wrong, as a code and its data (domain/problem.ts): worded by the pages. */
export const ProblemSchema = z.object({
  code: z.enum(PROBLEM_CODES),
  params: z.record(z.string(), z.string()),
});

/** Where the case stands with the team's backend. `local` = no backend configured. */
export const SyncStateSchema = z.enum(SYNC_STATES);
export type SyncState = z.infer<typeof SyncStateSchema>;

export const BackendRefSchema = z.object({
  /** Which adapter holds it: `http`, `zendesk`, `freshdesk`. */
  adapter: z.string(),
  /** The backend's own id for the case or ticket. */
  id: z.string(),
  url: z.string().nullable(),
  syncedAt: IsoInstantSchema,
});

/**
 * The case's first mention in brief, as captured: who said what, where, and its reach. The queue
 * lists and searches cases by it without reading their mentions. Holds the author's personal data,
 * so retention clears it with the mention (storage/retention.ts).
 */
export const CaseSubjectSchema = z.object({
  platform: PlatformSchema,
  kind: MentionKindSchema,
  url: HttpUrlSchema.nullable(),
  authorName: z.string().nullable(),
  handle: z.string().nullable(),
  followers: z.number().int().nonnegative().nullable(),
  /** The start of the text (at most SUBJECT_TEXT_CHARS), searched word by word. */
  text: z.string(),
  title: z.string().nullable(),
  publishedAt: IsoInstantSchema.nullable(),
  metrics: MetricsSchema,
});
export type CaseSubject = z.infer<typeof CaseSubjectSchema>;

/** The team answered the customer: the reply's permalink (when known), when, and who recorded it. */
export const FirstResponseSchema = z.object({
  url: HttpUrlSchema.nullable(),
  at: IsoInstantSchema,
  by: z.string(),
});
export type FirstResponse = z.infer<typeof FirstResponseSchema>;

/** Closed as "not a complaint" (a case already sent cannot be deleted): why, when, by whom. */
export const DismissalSchema = z.object({
  reason: z.string().min(1).max(2000),
  at: IsoInstantSchema,
  by: z.string(),
});
export type Dismissal = z.infer<typeof DismissalSchema>;

export const CaseSchema = z.object({
  id: z.string(),
  /** Made once at capture and reused on every retry so the backend creates the case exactly once. */
  idempotencyKey: z.string().uuid(),
  status: CaseStatusSchema,
  owner: z.string().nullable(),
  /** The group or team it is handed to (when handed to a group rather than an agent). */
  ownerGroup: z.string().nullable().optional(),
  category: CategorySchema,
  severity: SeveritySchema,
  /** Ids of the stored mentions that belong to this case, first capture first. */
  mentionIds: z.array(z.string()),
  log: z.array(LogEntrySchema),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
  syncState: SyncStateSchema,
  /** The backend's last error message when syncState is `failed` ("needs attention"). */
  syncError: z.string().nullable(),
  backend: BackendRefSchema.nullable(),
  // Added later; old rows, exports and imports without them are read with these defaults
  // (and version 4 of the database fills them in, storage/db.ts).
  /** The first mention in brief (null when it was purged, or unknown). */
  subject: CaseSubjectSchema.nullable().default(null),
  /** When the team first answered the customer (null: not yet). */
  firstResponse: FirstResponseSchema.nullable().default(null),
  /** Closed as not a complaint, with the reason. */
  dismissal: DismissalSchema.nullable().default(null),
  /** Merged into that case: its mentions and history went there, and this one leaves the queue. */
  mergedInto: z.string().nullable().default(null),
  /** Why the backend refused it, as a code (with `syncError` the backend's own words). */
  syncProblem: ProblemSchema.nullable().default(null),
});
export type Case = z.infer<typeof CaseSchema>;

const mentionKeys = {
  id: z.string(),
  caseId: z.string(),
  /** Normalised permalink (tracking parameters dropped, twitter.com = x.com). */
  urlKey: z.string(),
  /** `platform:handle` (or `platform:name` without a handle), lower-case; null when unknown. */
  authorKey: z.string().nullable(),
  /** Normalised URL of the page or thread the mention belongs to (its parent, or itself). */
  threadKey: z.string(),
};

/**
 * A mention as stored: the extracted mention plus the keys the side panel queries by. Its thread
 * snapshot (domain/thread.ts) is kept as one JSON string: IndexedDB in Chromium stored a post with
 * 500 comments in half the time as one string than as 500 objects (`npm run bench`).
 * Read it with threadOf() (storage/thread.ts).
 */
export const StoredMentionSchema = MentionSchema.omit({ thread: true }).extend({
  ...mentionKeys,
  threadJson: z.string().optional(),
  /** How many comments threadJson holds, so a list can say so without parsing it. */
  threadCount: z.number().int().nonnegative().optional(),
});
export type StoredMention = z.infer<typeof StoredMentionSchema>;

/** A mention as exported and imported: with its keys, and its thread as an object (checked on import). */
export const ExportedMentionSchema = MentionSchema.extend(mentionKeys);
export type ExportedMention = z.infer<typeof ExportedMentionSchema>;

/** What the agent fills in when reviewing a capture in the popup. */
export const CaptureReviewSchema = z.object({
  category: CategorySchema,
  severity: SeveritySchema,
  owner: z.string().max(200).nullable(),
  note: z.string().max(20_000),
});
export type CaptureReview = z.infer<typeof CaptureReviewSchema>;
