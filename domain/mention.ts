import { z } from 'zod';

/** Where a mention was found. `web` is any page no platform extractor recognised. */
export const PlatformSchema = z.enum(['x', 'mastodon', 'bluesky', 'reddit', 'threads', 'linkedin', 'blog', 'web']);
export type Platform = z.infer<typeof PlatformSchema>;

export const MentionKindSchema = z.enum(['post', 'comment']);
export type MentionKind = z.infer<typeof MentionKindSchema>;

/** An ISO-8601 instant in UTC, e.g. 2026-11-23T09:15:00.000Z. */
export const IsoInstantSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'expected an ISO-8601 UTC instant');

/** Only http(s) URLs are kept: a `javascript:` or `data:` permalink from a hostile page is refused. */
export const HttpUrlSchema = z
  .string()
  .max(4096)
  .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'expected an http(s) URL');

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
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .nullable(),
  /** The post a comment (or reply) belongs to. */
  parentUrl: HttpUrlSchema.nullable(),
  metrics: MetricsSchema,
  quoted: QuotedPostSchema.nullable().default(null),
  /** What could not be read from the page, in words the agent understands. */
  warnings: z.array(z.string()),
  capturedAt: IsoInstantSchema,
});
export type Mention = z.infer<typeof MentionSchema>;
export type MentionInput = z.input<typeof MentionSchema>;

export const emptyAuthor = (): Author => ({ name: null, handle: null, profileUrl: null, followers: null });
export const emptyMetrics = (): Metrics => ({ views: null, likes: null, reposts: null, replies: null });
