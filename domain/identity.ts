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
