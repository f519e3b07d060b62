/**
 * Blogs on their own domains: WordPress, Blogger, Medium, Substack, Ghost and h-entry sites share
 * this one platform (their extractors are the files named after them here).
 */
import { definePlatform } from './descriptor';

export const blogPlatform = definePlatform({
  id: 'blog',
  hosts: [],
  postIdOf: () => null,
  // Comment ids (comment-12) repeat on every post of a blog: only the permalink identifies.
  idScope: null,
  pageLevel: true,
});
