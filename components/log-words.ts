/**
 * A case's history line in the agent's language: lines the extension wrote are codes with their
 * data (domain/log-codes.ts), worded here; notes and decisions are the agent's own words; lines
 * written before codes existed keep their stored text.
 */
import type { LogEntry } from '../domain/case';
import type { LogCode } from '../domain/log-codes';
import { CASE_STATUSES } from '../domain/enum-values';
import { PLATFORM_IDS } from '../extract/platforms/platforms';
import { EVIDENCE_MISSING_REASONS, type EvidenceMissingReason } from '../domain/evidence-missing';
import { isProblem, type ProblemCode } from '../domain/problem';
import { t, type MessageKey } from './i18n';
import { wordProblem } from './problem-words';
import { platformLabel, STATUS_LABEL } from './labels';

const platformName = (id: string | undefined) =>
  id && (PLATFORM_IDS as readonly string[]).includes(id)
    ? t(platformLabel(id as (typeof PLATFORM_IDS)[number]))
    : (id ?? '');
const statusName = (s: string | undefined) =>
  s && (CASE_STATUSES as readonly string[]).includes(s)
    ? t(STATUS_LABEL[s as (typeof CASE_STATUSES)[number]])
    : (s ?? '');

const WORDS: Record<LogCode, (p: Record<string, string>) => string> = {
  evidence_missing: (p) => t('log_evidenceMissing', evidenceMissingWords(p)),
  captured: (p) => t('log_captured', platformName(p.platform)),
  status_changed: (p) => t('log_status', statusName(p.from), statusName(p.to)),
  owner_set: (p) => t('log_owner', p.owner ?? ''),
  owner_removed: () => t('log_ownerRemoved'),
  mention_added: (p) =>
    p.messages ? t('log_messagesAdded', p.messages) : t('log_mentionAdded', platformName(p.platform)),
  answered: (p) => (p.url ? t('log_answeredAt', p.url) : t('log_answered')),
  dismissed: (p) => t('log_dismissed', p.reason ?? ''),
  merged_from: (p) => t('log_mergedFrom', p.who || '—'),
  merged_into: () => t('log_mergedInto'),
  joined_team_case: () => t('log_joinedTeamCase'),
  adopted_team_case: () => t('log_adoptedTeamCase'),
  handed_off: (p) =>
    t(
      'log_handedOff',
      p.from || (p.fromGroup ? t('log_team', p.fromGroup) : t('unassigned')),
      p.toKind === 'group' ? t('log_team', p.to ?? '') : (p.to ?? ''),
    ),
};

/** Why no evidence image was kept, in the agent's language (a storage problem worded as such). */
function evidenceMissingWords(p: Record<string, string>): string {
  const reason = (EVIDENCE_MISSING_REASONS as readonly string[]).includes(p.reason ?? '')
    ? (p.reason as EvidenceMissingReason)
    : 'no_image';
  if (reason === 'storage' && p.detail && isProblem({ code: p.detail, params: {} }))
    return t('evidenceMissing_storage', wordProblem({ code: p.detail as ProblemCode, params: {} }));
  return t(EVIDENCE_MISSING_LABEL[reason], p.detail ?? '');
}

const EVIDENCE_MISSING_LABEL: Record<EvidenceMissingReason, MessageKey> = {
  tab_closed: 'evidenceMissing_tabClosed',
  tab_not_front: 'evidenceMissing_tabNotFront',
  post_gone: 'evidenceMissing_postGone',
  page_changed: 'evidenceMissing_pageChanged',
  tab_changed: 'evidenceMissing_tabChanged',
  no_image: 'evidenceMissing_noImage',
  cut_failed: 'evidenceMissing_cutFailed',
  restarted: 'evidenceMissing_restarted',
  storage: 'evidenceMissing_storage',
};

/** The line's text as shown (and as sent to the backend as a note). */
export function logLine(e: LogEntry): string {
  if (!e.code) return e.text;
  const worded = WORDS[e.code](e.params ?? {});
  return e.text ? `${worded}: ${e.text}` : worded;
}
