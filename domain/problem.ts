/**
 * What went wrong, as a code and its data: the background never answers with an English
 * sentence; the pages word a problem from the message catalogue in the agent's language
 * (components/problem-words.ts). Kept free of zod: the popup imports it.
 */

/** Every problem the background reports, with the names of the data each carries. */
export const PROBLEM_CODES = [
  // A request the background refused before anything ran.
  'invalid_field', // field: where in the request (mention.url, review.category, …)
  'unknown_message',
  'refused_sender',
  'no_answer', // type: the message nobody answered (the background was not running)
  // The case database.
  'storage_full',
  'storage_blocked',
  'storage_duplicate',
  'storage_refused', // detail: the browser's own error name
  // Cases.
  'case_not_found',
  'case_not_deletable',
  'case_merge_self',
  'case_merged', // the case was merged into another one
  'case_owned', // owner: a colleague owns it (take it through the team view)
  'agent_name_missing', // field: agentName (the options' name, needed to take a case)
  'team_backend_gone', // a colleague's case of a backend that is no longer set up
  'text_missing', // field: mention.text
  'brand_account', // handle: the brand's own account that wrote the post
  // Reading a page.
  'page_internal', // a browser or extension page: nothing can be read there
  'page_unreadable', // detail: the browser's reason
  'page_no_reply', // no reply by one of the brand's accounts on the page
  'dm_capture_off', // a private conversation, and the agent has not switched direct messages on: nothing read
  // Identities and markers.
  'identity_self',
  'identity_invalid',
  'marker_permission', // origin
  'marker_no_tab',
  // Backend settings.
  'backend_choose',
  'backend_url_invalid',
  'backend_url_insecure',
  'backend_url_credentials',
  'backend_credentials_missing',
  'backend_permission', // origin
  // Pushing to the backend.
  'sync_http', // backend, status, detail (the backend's own message, may be empty)
  'sync_network', // backend
  'sync_timeout', // backend, seconds
  'sync_sent_no_answer', // backend: a create went out and no answer came
  'sync_redirect', // backend, location
  'sync_malformed', // backend, status
  'sync_mention_missing',
  'sync_never_sent',
  // An import file.
  'import_not_json',
  'import_invalid', // where: the path in the file
  'import_unknown_case', // where, caseId
  'import_evidence_mismatch', // where, detail: an evidence record that does not hold up (nothing imported)
  // Anything else: the raw detail, shown as is.
  'unexpected', // detail
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A problem's data: names to short strings (field paths, origins, counts, a backend's message). */
export type ProblemParams = Record<string, string>;

export interface Problem {
  code: ProblemCode;
  params: ProblemParams;
}

export const problem = (code: ProblemCode, params: ProblemParams = {}): Problem => ({ code, params });

/** An error that carries a problem: what background code throws so the router answers with its code. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(
    readonly code: ProblemCode,
    readonly params: ProblemParams = {},
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
  }

  get problem(): Problem {
    return { code: this.code, params: this.params };
  }
}

/** True for a value shaped like a problem (an answer from the background, a stored sync problem). */
export function isProblem(v: unknown): v is Problem {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Problem).code === 'string' &&
    (PROBLEM_CODES as readonly string[]).includes((v as Problem).code) &&
    typeof (v as Problem).params === 'object' &&
    (v as Problem).params !== null
  );
}

/** The problem an error carries, or `unexpected` with its message. */
export function problemOf(e: unknown): Problem {
  if (e instanceof ProblemError) return e.problem;
  const carried = (e as { problem?: unknown } | null)?.problem;
  if (isProblem(carried)) return carried;
  return problem('unexpected', { detail: e instanceof Error ? e.message : String(e) });
}
