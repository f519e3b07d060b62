import type { CaseStatus, Category, Severity } from '../domain/case';
import type { Mention } from '../domain/mention';

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
}

export interface UpdateInput {
  remoteId: string;
  idempotencyKey: string;
  status?: CaseStatus;
  owner?: string | null;
  note?: { kind: 'note' | 'decision'; text: string; by: string };
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
  /** Checks URL and credentials; resolves to a short success text or throws a SyncError. */
  testConnection(): Promise<string>;
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
