/** The thread snapshot's limits, apart from its schema so the injected capture script needs no zod. */

/** At most this many comments are kept; a thread that had more says so (`truncated`). */
export const THREAD_MAX_COMMENTS = 2_000;
/** A comment's text is cut at this length (a hostile page can put megabytes in one comment). */
export const THREAD_COMMENT_MAX_CHARS = 5_000;
/** All comments' text together; beyond it later comments are left out and `truncated` is set. */
export const THREAD_MAX_CHARS = 1_000_000;
