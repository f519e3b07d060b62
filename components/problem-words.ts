/**
 * A problem from the background (domain/problem.ts) in the agent's language, and the form field it
 * names, so the page can highlight it. The one place problems are worded.
 */
import { problemOf, type Problem, type ProblemCode, type ProblemParams } from '../domain/problem';
import { t, type MessageKey } from './i18n';

/** A field a problem may name (its path in the request), with its label and the input to highlight. */
const FIELDS: Record<string, { label: MessageKey; input: string }> = {
  'mention.url': { label: 'permalink', input: 'url' },
  'mention.text': { label: 'text', input: 'text' },
  'mention.author.name': { label: 'authorName', input: 'authorName' },
  'mention.author.handle': { label: 'authorHandle', input: 'authorHandle' },
  'mention.publishedAt': { label: 'publishedAt', input: 'publishedAt' },
  'mention.language': { label: 'language', input: 'language' },
  'mention.title': { label: 'title', input: 'title' },
  'review.category': { label: 'category', input: 'category' },
  'review.severity': { label: 'severity', input: 'severity' },
  'review.owner': { label: 'owner', input: 'owner' },
  'review.note': { label: 'note', input: 'note' },
  note: { label: 'note', input: 'note' },
  text: { label: 'note', input: 'note' },
  reason: { label: 'dismissReason', input: 'reason' },
  url: { label: 'answerUrl', input: 'answerUrl' },
  backendUrl: { label: 'options_url', input: 'backendUrl' },
  token: { label: 'options_token_http', input: 'token' },
  backend: { label: 'options_backend', input: 'backend' },
  agentName: { label: 'options_agentName', input: 'agentName' },
};

/** The name of the input a problem points at (for `aria-invalid` and focus), if any. */
export function problemField(p: Problem | null): string | null {
  const field = p?.params.field;
  if (!field) return null;
  return FIELDS[field]?.input ?? null;
}

/** A backend's name as the sync module gives it ("Zendesk"), the own backend in the agent's language. */
function backendName(name: string | undefined): string {
  return !name || name === 'The case backend' ? t('backendOwn') : name;
}

const WORDS: Record<ProblemCode, (p: ProblemParams) => string> = {
  invalid_field: (p) => {
    if (p.field === 'mention.url') return t('problem_badUrl');
    if (p.field === 'mention.publishedAt') return t('problem_badTime');
    if (p.field === 'mention.text') return t('problem_textMissing');
    const field = p.field ? FIELDS[p.field] : undefined;
    return field ? t('problem_invalidField', t(field.label)) : t('problem_invalidRequest');
  },
  unknown_message: () => t('problem_outdated'),
  refused_sender: () => t('problem_outdated'),
  no_answer: () => t('problem_noAnswer'),
  storage_full: () => t('problem_storageFull'),
  storage_blocked: () => t('problem_storageBlocked'),
  storage_duplicate: () => t('problem_storageDuplicate'),
  storage_refused: (p) => t('problem_storageRefused', p.detail ?? ''),
  case_not_found: () => t('problem_caseNotFound'),
  case_not_deletable: () => t('problem_caseNotDeletable'),
  case_merge_self: () => t('problem_mergeSelf'),
  case_merged: () => t('problem_caseMerged'),
  case_owned: (p) => t('problem_caseOwned', p.owner ?? ''),
  agent_name_missing: () => t('needAgentName'),
  team_backend_gone: () => t('problem_teamBackendGone'),
  text_missing: () => t('problem_textMissing'),
  brand_account: (p) => t('problem_brandAccount', p.handle ?? ''),
  page_internal: () => t('problem_pageInternal'),
  page_unreadable: () => t('problem_pageUnreadable'),
  page_no_reply: () => t('problem_noReply'),
  dm_capture_off: () => t('dm_offTitle'),
  identity_self: () => t('problem_identitySelf'),
  identity_invalid: () => t('identityInvalid'),
  marker_permission: (p) => t('markersRefused', p.origin ?? ''),
  marker_no_tab: () => t('problem_markerTab'),
  backend_choose: () => t('problem_backendChoose'),
  backend_url_invalid: () => t('problem_backendUrlInvalid'),
  backend_url_insecure: () => t('problem_backendUrlInsecure'),
  backend_url_credentials: () => t('problem_backendUrlCredentials'),
  backend_credentials_missing: () => t('problem_backendCredentials'),
  backend_permission: (p) => t('problem_backendPermission', p.origin ?? ''),
  sync_http: (p) =>
    p.detail
      ? t('problem_syncHttpSaid', backendName(p.backend), p.status ?? '', p.detail)
      : t('problem_syncHttp', backendName(p.backend), p.status ?? ''),
  sync_network: (p) => t('problem_syncNetwork', backendName(p.backend)),
  sync_timeout: (p) => t('problem_syncTimeout', backendName(p.backend), p.seconds ?? ''),
  sync_sent_no_answer: (p) => t('problem_syncNoAnswer', backendName(p.backend)),
  sync_redirect: (p) => t('problem_syncRedirect', backendName(p.backend)),
  sync_malformed: (p) => t('problem_syncMalformed', backendName(p.backend), p.status ?? ''),
  sync_mention_missing: () => t('problem_syncMentionMissing'),
  sync_never_sent: () => t('problem_syncNeverSent'),
  import_not_json: () => t('problem_importNotJson'),
  import_invalid: (p) => t('problem_importInvalid', p.where || '—'),
  import_unknown_case: (p) => t('problem_importUnknownCase', p.where ?? ''),
  import_evidence_mismatch: (p) => t('problem_importEvidenceMismatch', p.where ?? ''),
  unexpected: (p) => t('problem_unexpected', p.detail ?? ''),
};

/** The problem in the agent's language. */
export function wordProblem(p: Problem): string {
  return WORDS[p.code](p.params);
}

/** What a failed request threw, in the agent's language. */
export function wordError(e: unknown): string {
  return wordProblem(problemOf(e));
}
