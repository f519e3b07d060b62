import { z } from 'zod';
import { CaptureReviewSchema, CaseSchema, CaseStatusSchema } from '../domain/case';
import { CaptureOptionsSchema } from '../capture/outcome';
import { MentionSchema } from '../domain/mention';
import { BackendKindSchema, SettingsSchema } from '../domain/settings';

/** Credentials as the options page sends them: an empty token keeps the saved one. */
const CredentialsInputSchema = z.object({
  token: z.string().max(4096),
  email: z.string().max(320).optional(),
  authMode: z.enum(['api-token', 'oauth']).optional(),
});

/**
 * Every message an extension page (popup, side panel, options) sends to the background, one
 * entry each: what it asks, what it answers. The background validates both the sender and the
 * request against these schemas before anything runs (see messaging/router.ts).
 */
export const protocol = {
  /** Read the post the agent means from a tab (injected on demand); never fails, see CaptureResult. */
  'capture/tab': {
    request: z.object({ tabId: z.number().int(), options: CaptureOptionsSchema }),
    response: z.object({ mention: MentionSchema, readError: z.string().nullable() }),
  },
  /** Store a reviewed capture as a new case (mention + case + outbox entry in one transaction). */
  'capture/save': {
    request: z.object({ mention: MentionSchema, review: CaptureReviewSchema }),
    response: z.object({ caseId: z.string(), mentionId: z.string() }),
  },
  /** Add a note or a decision to a case's log. */
  'case/log': {
    request: z.object({ caseId: z.string(), kind: z.enum(['note', 'decision']), text: z.string().min(1).max(20_000) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Change a case's status and/or owner; each change is logged with who and when. */
  'case/update': {
    request: z.object({ caseId: z.string(), status: CaseStatusSchema.optional(), owner: z.string().max(200).nullable().optional() }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** The agent takes ownership of a case (owner = the agent's name from the options). */
  'case/take': {
    request: z.object({ caseId: z.string() }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** One case, for the popup's confirmation (status, sync state). */
  'case/get': {
    request: z.object({ caseId: z.string() }),
    response: CaseSchema.nullable(),
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
    response: z.object({ waiting: z.number().int(), failed: z.number().int(), lastRunAt: z.number().nullable(), problem: z.string().nullable() }),
  },
  /** Settings for the options page, with the secret reduced to a hint. */
  'settings/get': {
    request: z.object({}),
    response: z.object({ settings: SettingsSchema, credentialHint: z.string().nullable(), email: z.string().nullable(), authMode: z.enum(['api-token', 'oauth']).nullable() }),
  },
  /** Save settings and (when a token is given) credentials; the page has asked for host permission first. */
  'settings/save': {
    request: z.object({ settings: SettingsSchema, credentials: CredentialsInputSchema }),
    response: z.object({ credentialHint: z.string().nullable() }),
  },
  /** Try the backend with the form's values (saved token when left empty); success text or the exact failure. */
  'settings/test-connection': {
    request: z.object({ backend: BackendKindSchema, backendUrl: z.string().max(2048), credentials: CredentialsInputSchema }),
    response: z.object({ ok: z.boolean(), message: z.string() }),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = z.infer<Protocol[K]['request']>;
export type ResponseOf<K extends MessageType> = z.infer<Protocol[K]['response']>;

/** The envelope on the wire. */
export const EnvelopeSchema = z.object({ type: z.string(), payload: z.unknown() });
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
