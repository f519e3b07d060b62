import { createHash } from 'node:crypto';
import type { ContractCase, CreateCaseBody, PatchCaseBody } from '../contract/cases';
import type { ContractEvidence } from '../contract/evidence';
import type { AuditEntrySchema, Change, LookupBody, TeamCaseWire } from '../contract/team';
import type { z } from 'zod';
import type { Actor } from './case-model';

/**
 * What the reference backend keeps, as one interface with two implementations: the embedded
 * SQLite store (sqlite/, the default) and the PostgreSQL store (postgres/, for several instances
 * behind a load balancer). The HTTP layer never knows which. Every rule that must hold across
 * instances lives behind it, in the database, not in process memory:
 * - one case per idempotency key, and one case per post key (unique constraints);
 * - one piece of evidence per idempotency key, and per hash on a case (unique constraints);
 * - the change feed's cursor, which must only grow in the order changes become visible;
 * - the secret that signs event tickets;
 * - agents and their hashed tokens.
 * test/server/contract/ runs the same suite against each store (README: "Adding to a store").
 */
export type CreateResult =
  | {
      kind: 'created' | 'replayed';
      case: ContractCase;
      /** The post already had this case: the create was recorded in its history instead. */
      existing: boolean;
    }
  | { kind: 'mismatch' };

/** A piece of evidence as the route hands it to the store: its hash already checked against the bytes. */
export interface EvidenceIn {
  sha256: string;
  json: string;
  image: Uint8Array;
  imageType: string;
  capturedAt: string;
  pageUrl: string;
}

export type EvidenceResult =
  | {
      /** `replayed`: the same key again, or the same image and JSON (same hash) already on the case. */
      kind: 'created' | 'replayed';
      evidence: ContractEvidence;
    }
  | { kind: 'mismatch' }
  | { kind: 'no-case' };

/** Evidence with its file and JSON. */
export type EvidenceFile = ContractEvidence & { json: string; image: Uint8Array };

export interface Member {
  id: string;
  name: string;
}

export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export interface Page<T> {
  items: T[];
  cursor: string;
  more: boolean;
}

export interface CaseStore {
  /** Where the data is, for the start-up line (never a password). */
  readonly where: string;
  /** Creates the case once per idempotency key (same key, other body: mismatch), and once per post key. */
  create(key: string, body: CreateCaseBody, actor: Actor): Promise<CreateResult>;
  /** Many creates, each as create() would do it, in one transaction. */
  createMany(items: { key: string; body: CreateCaseBody }[], actor: Actor): Promise<CreateResult[]>;
  get(id: string): Promise<ContractCase | null>;
  byKey(idempotencyKey: string): Promise<ContractCase[]>;
  byUrl(url: string): Promise<ContractCase[]>;
  byAuthor(platform: string, handle: string): Promise<ContractCase[]>;
  /** The cases of a page's posts, authors and threads, newest update first. */
  lookup(keys: LookupBody): Promise<TeamCaseWire[]>;
  /** Applies a change once per idempotency key (when given); null for an unknown case. */
  patch(id: string, body: PatchCaseBody, key: string | null, actor: Actor): Promise<ContractCase | null>;
  /**
   * Keeps evidence with a case once per idempotency key (same key, another hash: mismatch) and
   * once per hash on a case (a unique key in the store), recording it in the case's history.
   */
  addEvidence(caseId: string, key: string, e: EvidenceIn, actor: Actor): Promise<EvidenceResult>;
  /** A case's evidence, oldest first (without the files). */
  evidenceOf(caseId: string): Promise<ContractEvidence[]>;
  /** One piece of evidence with its file and JSON, or null. */
  evidenceFile(caseId: string, id: string): Promise<EvidenceFile | null>;
  /** Changes to cases after the cursor (null: from the start), oldest first. */
  changes(since: string | null, limit: number): Promise<Page<Change>>;
  /** The cursor of the latest change (a client starting now asks for changes after it). */
  latestCursor(): Promise<string>;
  /** Every change of the store: cases, agents, groups (who, when, what). */
  audit(since: string | null, limit: number): Promise<Page<AuditEntry>>;
  addAgent(name: string, tokenHash: string, by: Actor): Promise<Member>;
  /** The agent whose token has this SHA-256, if any. */
  agentByTokenHash(hash: string): Promise<Member | null>;
  agents(): Promise<Member[]>;
  addGroup(name: string, by: Actor): Promise<Member>;
  groups(): Promise<Member[]>;
  /** A random secret made once per store (signs event tickets). */
  secret(): Promise<string>;
  /** Counts for tests: cases, distinct mention URLs, URLs held by more than one case. */
  stats(): Promise<{ cases: number; distinctUrls: number; duplicateUrls: number }>;
  /** Every normalised mention URL held, for tests that check nothing was lost. */
  urlKeys(): Promise<string[]>;
  /**
   * A consistent copy of the whole store, made while it runs; the file it wrote. Null when the
   * database has its own tools for that (PostgreSQL: pg_dump).
   */
  backup(): Promise<string | null>;
  /**
   * Calls `listener` after any instance on this store committed a change to the feed (event
   * streams wake on it instead of waiting for their next poll). Returns the unsubscribe.
   */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

/** A name already taken (agents and groups are unique by name, case-insensitively). */
export class NameTakenError extends Error {
  override name = 'NameTakenError';
}

/** Hash of the body with keys sorted, so key order on the wire does not matter. */
export function bodyHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(sortKeys(body)))
    .digest('hex');
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  return v;
}
