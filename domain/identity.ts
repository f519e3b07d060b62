import { z } from 'zod';

/**
 * One author identity (an author key, see author-key.ts) in a group of identities the agents
 * linked as the same person: an X handle and a blog author name, say. Every key of a group counts
 * as one author wherever cases are matched by author.
 */
export const IdentityLinkSchema = z.object({
  authorKey: z.string().min(3).max(300),
  groupId: z.string(),
});
export type IdentityLink = z.infer<typeof IdentityLinkSchema>;

/** What an agent types to name an identity: `x:handle`, `blog:Name`, or `@handle` (an X handle). */
export function parseAuthorKey(input: string): string | null {
  const v = input.trim().toLowerCase();
  if (/^@\w{1,15}$/.test(v)) return `x:${v.slice(1)}`;
  const m = /^(x|mastodon|bluesky|reddit|threads|linkedin|blog|web):@?(.+)$/.exec(v);
  return m?.[1] && m[2]?.trim() ? `${m[1]}:${m[2].trim()}` : null;
}
