/**
 * What the extension itself writes into a case's history, as a code and its data: the pages word
 * it in the agent's language when they show it (components/log-words.ts), so a Dutch agent reads a
 * Dutch history. Notes and decisions are the agent's own words and stay text. Zod-free.
 */
export const LOG_CODES = [
  'captured', // platform, url
  'status_changed', // from, to (status values)
  'owner_set', // owner
  'owner_removed',
  'mention_added', // platform, url; messages: how many of a conversation's messages came together
  'answered', // url (the reply's permalink, may be empty)
  'dismissed', // reason: closed as not a complaint
  'merged_from', // caseId, who (the merged case's author), mentions (how many came along)
  'merged_into', // caseId
  'joined_team_case', // the team already had a case for this post: this capture went into it
  'adopted_team_case', // url: a colleague's case, kept in this browser to act on it
  'handed_off', // from (an agent, or ''), fromGroup (a team, when no agent had it), to, toKind (agent | group)
  'evidence_missing', // reason (domain/evidence-missing.ts), detail: the browser's words or a storage problem's code
] as const;
export type LogCode = (typeof LOG_CODES)[number];

/** The kinds of history line; the last three record answering, dismissing and merging. */
export const LOG_KINDS = [
  'created',
  'note',
  'decision',
  'status',
  'owner',
  'mention',
  'answered',
  'dismissed',
  'merged',
] as const;
export type LogKind = (typeof LOG_KINDS)[number];
