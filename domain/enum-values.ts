/**
 * The value lists of the domain's enums. The schemas are built from them (`z.enum(CASE_STATUSES)`),
 * so a list and its schema cannot disagree; they live apart from the schemas so that views without
 * zod (the popup, whose bundle budget is 25 KB) can list the choices too.
 */

/**
 * What a mention is: a post, a comment under one, or a direct message (`dm`: one message of a
 * private conversation, captured only when the agent switched that on). Only ever added to, so
 * stored rows, exports and imports of older versions stay valid.
 */
export const MENTION_KINDS = ['post', 'comment', 'dm'] as const;

export const CASE_STATUSES = ['new', 'open', 'waiting', 'resolved'] as const;

export const CATEGORIES = ['billing', 'outage', 'contract', 'service', 'delivery', 'other'] as const;

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** Where a case stands with the team's backend. `local` = no backend configured. */
export const SYNC_STATES = ['local', 'queued', 'sent', 'failed'] as const;

/** Which case backend the team uses. `none`: cases stay in this browser only. */
export const BACKEND_KINDS = ['none', 'http', 'zendesk', 'freshdesk'] as const;

/** How a Zendesk agent signs in: an API token with their email, or an OAuth access token. */
export const AUTH_MODES = ['api-token', 'oauth'] as const;
