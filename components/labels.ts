/**
 * The message key of each value the UI names: one typed map per enum, so a value without a
 * label, or a label key missing from the catalogues, fails the type check (never `t(`status_${…}`)`).
 */
import type { CaseStatus, Category, Severity, SyncState } from '../domain/case';
import type { AuthMode } from '../domain/credentials';
import type { EvidenceNote } from '../domain/evidence';
import type { MentionKind } from '../domain/mention';
import type { BackendKind } from '../domain/settings';
import type { PlatformId } from '../extract/platforms/platforms';
import type { LinkReason } from '../storage/linked-cases';
import type { QueueView } from '../domain/queue';
import type { MessageKey } from './i18n';

export const STATUS_LABEL: Record<CaseStatus, MessageKey> = {
  new: 'status_new',
  open: 'status_open',
  waiting: 'status_waiting',
  resolved: 'status_resolved',
};

export const SYNC_LABEL: Record<SyncState, MessageKey> = {
  local: 'sync_local',
  queued: 'sync_queued',
  sent: 'sync_sent',
  failed: 'sync_failed',
};

export const CATEGORY_LABEL: Record<Category, MessageKey> = {
  billing: 'cat_billing',
  outage: 'cat_outage',
  contract: 'cat_contract',
  service: 'cat_service',
  delivery: 'cat_delivery',
  other: 'cat_other',
};

export const SEVERITY_LABEL: Record<Severity, MessageKey> = {
  low: 'sev_low',
  medium: 'sev_medium',
  high: 'sev_high',
  critical: 'sev_critical',
};

export const KIND_LABEL: Record<MentionKind, MessageKey> = {
  post: 'kind_post',
  comment: 'kind_comment',
  dm: 'kind_dm',
};

/** Why a case is listed for the page in the side panel. */
export const REASON_LABEL: Record<LinkReason, MessageKey> = {
  post: 'reason_post',
  author: 'reason_author',
  thread: 'reason_thread',
};

export const BACKEND_LABEL: Record<BackendKind, MessageKey> = {
  none: 'options_backend_none',
  http: 'options_backend_http',
  zendesk: 'options_backend_zendesk',
  freshdesk: 'options_backend_freshdesk',
};

/** How a Zendesk agent signs in. */
export const AUTH_MODE_LABEL: Record<AuthMode, MessageKey> = {
  'api-token': 'options_auth_apiToken',
  oauth: 'options_auth_oauth',
};

/** What a backend's URL looks like, as the URL field's placeholder. */
export const URL_HINT: Record<Exclude<BackendKind, 'none'>, MessageKey> = {
  http: 'options_urlHint_http',
  zendesk: 'options_urlHint_zendesk',
  freshdesk: 'options_urlHint_freshdesk',
};

/**
 * A platform's name. Built from the id so that adding a platform needs no edit here; the
 * template's type is checked against the catalogue like a literal, so a platform without its
 * `platform_<id>` key fails the type check (and test/extract/conventions.test.ts).
 */
export function platformLabel(id: PlatformId): MessageKey {
  return `platform_${id}`;
}

/** What an evidence record's note says (several notes can say the same thing). */
export const EVIDENCE_NOTE_LABEL: Record<EvidenceNote, MessageKey> = {
  'cut-top': 'evidence_note_cut',
  'cut-bottom': 'evidence_note_cut',
  'cut-left': 'evidence_note_cut',
  'cut-right': 'evidence_note_cut',
  'no-element': 'evidence_note_page',
  'box-invalid': 'evidence_note_page',
  'box-off-screen': 'evidence_note_page',
  'scale-from-image': 'evidence_note_scale',
};

/**
 * What the extractor could not read, in the agent's language. The extractor's warnings are fixed
 * phrases stored with the mention (extract/, capture/fallback.ts); a phrase not listed here (from an
 * older version) is shown as it is.
 */
export const WARNING_LABEL: Record<string, MessageKey> = {
  'article body not found — the mention holds the page summary': 'warn_articleSummary',
  'author not found': 'warn_author',
  'no post found on this page': 'warn_noPost',
  'page address is not http(s)': 'warn_address',
  'post not rendered on the page — read from the page summary': 'warn_postSummary',
  'publish time not found': 'warn_time',
  'text not found — the mention holds the page title only': 'warn_titleOnly',
  'text not found': 'warn_text',
  'the comments under the post could not be read': 'warn_comments',
  'the linked post is not on this page — only its address was captured': 'warn_linkOnly',
  'the selection was not found in a post — author is that of the page': 'warn_selection',
  'this is a profile page, not a post': 'warn_profile',
  'tweet not rendered on the page — read from the page summary': 'warn_postSummary',
  'tweet permalink not found': 'warn_permalink',
  'post permalink not found': 'warn_permalink',
  'comment permalink not found': 'warn_permalink',
  'review permalink not found': 'warn_permalink',
  'the message under the pointer is your own — the customer’s latest message was captured': 'warn_dmOwn',
  'no message from the customer found in this conversation': 'warn_dmNone',
  'direct messages are not captured: switch this on in the options first': 'dm_offTitle',
  'page could not be read — only its address and title were kept': 'problem_pageUnreadable',
};

/** The link to a sent case's ticket, named after the backend that holds it. */
export const TICKET_LABEL: Record<Exclude<BackendKind, 'none'>, MessageKey> = {
  http: 'openInBackend',
  zendesk: 'openInZendesk',
  freshdesk: 'openInFreshdesk',
};

/** The ticket link's label for a backend as stored on a case (`BackendRef.adapter`). */
export function ticketLabel(adapter: string): MessageKey {
  return adapter in TICKET_LABEL ? TICKET_LABEL[adapter as keyof typeof TICKET_LABEL] : 'openInBackend';
}

/** The side panel's views of the queue. */
export const VIEW_LABEL: Record<QueueView, MessageKey> = {
  page: 'view_page',
  mine: 'view_mine',
  unassigned: 'view_unassigned',
  all: 'view_all',
};
