import type { CaseStatus, Category, Severity } from '../domain/case';
import type { Mention } from '../domain/mention';
import type { Roster, TeamCase, TeamChange, TeamHistoryEntry, TeamMember } from '../domain/team';

/** What a create sends: fixed at capture, so every retry sends the same body. */
export interface CreateInput {
  caseId: string;
  idempotencyKey: string;
  mention: Mention;
  category: Category;
  severity: Severity;
  note: string;
  capturedBy: string;
}

/** A case as the backend holds it, in the extension's terms. */
export interface RemoteCase {
  id: string;
  /** Where a person can open it, when the backend has such a page. */
  url: string | null;
  status: CaseStatus;
  owner: string | null;
  /** On a create's answer: the post already had this case (made by a colleague, or earlier). */
  existing?: boolean;
}

export interface UpdateInput {
  remoteId: string;
  idempotencyKey: string;
  status?: CaseStatus;
  owner?: string | null;
  /** The owner's id in the backend's roster (a helpdesk assigns by id; a typed name has none). */
  ownerId?: string | null;
  /** A hand-off to a group: its roster id (helpdesks) and name (the own contract); null clears it. */
  group?: { id: string | null; name: string } | null;
  /** `handoff`: the note of this update's owner or group change. */
  note?: { kind: 'note' | 'decision' | 'handoff'; text: string; by: string };
  /** A capture attached to the case: the backend finds the case by its post from then on. */
  mention?: Mention;
}

/**
 * Evidence of a capture for a case the backend holds: the image of the post, its canonical JSON
 * and their SHA-256 (domain/evidence-hash.ts), sent exactly once.
 */
export interface EvidenceInput {
  remoteId: string;
  idempotencyKey: string;
  sha256: string;
  json: string;
  /** The PNG file's bytes. */
  image: Uint8Array;
  capturedAt: string;
  pageUrl: string;
  /** The post went on past the visible page (the image holds its visible part). */
  partial: boolean;
  /**
   * An earlier send may have arrived (its answer was lost, or it failed after sending): a backend
   * without idempotency keys looks for it before sending again.
   */
  lookFirst: boolean;
}

/**
 * The keys of one page (or one capture) to find the team's cases by, all in one call: posts and
 * threads as URLs (each backend normalises them as domain/team-keys.ts does), authors as author
 * keys with their linked identities.
 */
export interface TeamKeys {
  posts: string[];
  authors: string[];
  threads: string[];
}

/** A page of the change feed (only backends with one: the own contract). */
export interface TeamChanges {
  changes: TeamChange[];
  cursor: string;
  more: boolean;
}

/**
 * The team's side of a backend: read what every agent did, not only this browser. Every answer is
 * checked with Zod; every failure is thrown as a SyncError (the caller turns it into "team view
 * unavailable" and keeps showing local cases).
 */
export interface TeamReader {
  /** The team's cases for these keys, newest update first, each saying why it matched. */
  lookup(keys: TeamKeys): Promise<TeamCase[]>;
  /** One case as the team sees it now (matched: []). */
  read(remoteId: string): Promise<TeamCase>;
  /** The case's whole history: notes, decisions, status and owner changes, by whom, when. */
  history(remoteId: string): Promise<TeamHistoryEntry[]>;
  /** Who cases can be handed to. */
  roster(): Promise<Roster>;
  /** The agent these credentials belong to, when the backend says (the admin token: null). */
  me(): Promise<TeamMember | null>;
  /** The case's first captured post, when the backend keeps it (to hold a colleague's case locally). */
  mention(remoteId: string): Promise<Mention | null>;
  /** Changes after a cursor (null: the current cursor, no changes). Absent: the backend has no feed. */
  changes?(since: string | null): Promise<TeamChanges>;
  /** A URL for EventSource that streams the feed (holds its own short-lived ticket). Absent: no events. */
  eventsUrl?(): Promise<string>;
  /**
   * When the next poll of the cases on screen may go (epoch ms), from the backend's rate-limit
   * headers and Retry-After: helpdesks share one limit across the whole account.
   */
  nextPollAt(now: number, baseMs: number): number;
}

/** One per backend kind (sync/adapters/): create, look up by key, read status and owner, update. */
export interface Adapter {
  readonly kind: 'http' | 'zendesk' | 'freshdesk';
  /** True when a replayed create with the same key can never make a second case. */
  readonly nativeIdempotency: boolean;
  /** How long after an unanswered create the key can be found (search indexes lag). */
  readonly lookupDelayMs: number;
  create(input: CreateInput): Promise<RemoteCase>;
  /**
   * Optional: many creates in one request, each exactly as create() would do it (its own
   * idempotency key). One answer per input, in order: the case, the error for that input alone,
   * or null when it was not sent (the backend has no batch endpoint, or the input is too large
   * for one): send that one with create(). A failure of the whole request is thrown.
   */
  createMany?(inputs: CreateInput[]): Promise<(RemoteCase | SyncError | null)[]>;
  findByKey(input: CreateInput): Promise<RemoteCase | null>;
  read(remoteId: string): Promise<RemoteCase>;
  update(input: UpdateInput): Promise<void>;
  /** Keeps a capture's evidence with the case: once, however often it is sent. */
  sendEvidence(input: EvidenceInput): Promise<void>;
  /** Checks URL and credentials; resolves to what answered (and for whom), or throws a SyncError. */
  testConnection(): Promise<Connection>;
  readonly team: TeamReader;
}

/** A working connection: which backend answered (its name or host), and whose credentials they are. */
export interface Connection {
  backend: string;
  /** The agent the credentials belong to, when the backend says. */
  agent: string | null;
}

/** Worth retrying later: 5xx, 408, 409, 429, network errors before anything was sent. */
export class TransientError extends Error {
  override name = 'TransientError';
  constructor(
    message: string,
    /** From Retry-After, to be honoured exactly. */
    public readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Will fail the same way until someone changes something (settings, credentials, data). */
export class PermanentError extends Error {
  override name = 'PermanentError';
  constructor(
    message: string,
    public readonly status?: number,
  ) {
    super(message);
  }
}

/** A create was sent but no answer came: the case may or may not exist. Look it up before creating again. */
export class UnknownOutcomeError extends Error {
  override name = 'UnknownOutcomeError';
}

export type SyncError = TransientError | PermanentError | UnknownOutcomeError;
