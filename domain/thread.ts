import { z } from 'zod';
import { HttpUrlSchema, IsoInstantSchema } from './primitives';
import { THREAD_COMMENT_MAX_CHARS, THREAD_MAX_COMMENTS } from './thread-limits';

/**
 * The comments under a captured post as the page showed them at capture: the evidence of how a
 * complaint spread ("me too" replies, the company's answer), kept with the case because pages
 * change and comments get deleted. A snapshot, not mentions: no language, no metrics, no warnings.
 */

export { THREAD_COMMENT_MAX_CHARS, THREAD_MAX_CHARS, THREAD_MAX_COMMENTS } from './thread-limits';

export const ThreadCommentSchema = z.object({
  /** The page's id for the comment ("comment-1042"), when it has one. */
  id: z.string().max(200).nullable(),
  url: HttpUrlSchema.nullable(),
  /** Permalink of the comment this one answers; null when it answers the post. */
  replyTo: HttpUrlSchema.nullable(),
  author: z.object({
    name: z.string().max(300).nullable(),
    handle: z.string().max(200).nullable(),
    profileUrl: HttpUrlSchema.nullable(),
  }),
  text: z.string().max(THREAD_COMMENT_MAX_CHARS),
  publishedAt: IsoInstantSchema.nullable(),
});
export type ThreadComment = z.infer<typeof ThreadCommentSchema>;

export const ThreadSchema = z.object({
  comments: z.array(ThreadCommentSchema).max(THREAD_MAX_COMMENTS),
  /** How many comments the page showed (more than `comments.length` when truncated). */
  found: z.number().int().nonnegative(),
  /** Some comments or some comment text were left out (see the limits above). */
  truncated: z.boolean(),
});
export type Thread = z.infer<typeof ThreadSchema>;
