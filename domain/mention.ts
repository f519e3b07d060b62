import { z } from 'zod';
import { PLATFORM_IDS } from '../extract/platforms/platforms';
import { MENTION_KINDS } from './enum-values';
import { LANGUAGE_TAG } from './field-rules';
import { HttpUrlSchema, IsoInstantSchema } from './primitives';
import { ThreadSchema } from './thread';

/**
 * Where a mention was found: one of the platforms described in extract/platforms/ (`web` is any
 * page no platform extractor recognised).
 */
export const PlatformSchema = z.enum(PLATFORM_IDS);
export type Platform = z.infer<typeof PlatformSchema>;

export const MentionKindSchema = z.enum(MENTION_KINDS);
export type MentionKind = z.infer<typeof MentionKindSchema>;

export { HttpUrlSchema, IsoInstantSchema } from './primitives';

const count = z.number().int().nonnegative().nullable();

export const AuthorSchema = z.object({
  /** Display name as shown on the page. */
  name: z.string().nullable(),
  /** Handle without a leading "@": X `marloesdv`, Mastodon `user@instance.social`, Bluesky `name.bsky.social`, Reddit `username`. */
  handle: z.string().nullable(),
  profileUrl: HttpUrlSchema.nullable(),
  /** Reach, where the page shows it. */
  followers: count,
});
export type Author = z.infer<typeof AuthorSchema>;

export const MetricsSchema = z.object({
  views: count,
  likes: count,
  reposts: count,
  replies: count,
  /**
   * A review's rating in stars out of 5 (a page's other scale is scaled to 5). Optional: mentions
   * stored before reviews were read have none, and posts that are not reviews leave it out.
   */
  rating: z.number().min(0).max(5).nullable().optional(),
});
export type Metrics = z.infer<typeof MetricsSchema>;

/** A post quoted inside the captured one (X quote tweets); kept apart from the quoting text. */
export const QuotedPostSchema = z.object({
  url: HttpUrlSchema.nullable(),
  author: AuthorSchema,
  text: z.string(),
});

export const MentionSchema = z.object({
  platform: PlatformSchema,
  kind: MentionKindSchema,
  /** Permalink of this post or comment. */
  url: HttpUrlSchema,
  postId: z.string().nullable(),
  author: AuthorSchema,
  text: z.string(),
  title: z.string().nullable(),
  publishedAt: IsoInstantSchema.nullable(),
  /** BCP-47 primary language tag such as "nl". */
  language: z.string().regex(LANGUAGE_TAG).nullable(),
  /** The post a comment (or reply) belongs to. */
  parentUrl: HttpUrlSchema.nullable(),
  metrics: MetricsSchema,
  quoted: QuotedPostSchema.nullable().default(null),
  /** What could not be read from the page, in words the agent understands. */
  warnings: z.array(z.string()),
  capturedAt: IsoInstantSchema,
  /**
   * A captured post's comments as the page showed them (domain/thread.ts); absent on comments,
   * on pages without comments and on link captures.
   */
  thread: ThreadSchema.optional(),
});
export type Mention = z.infer<typeof MentionSchema>;
