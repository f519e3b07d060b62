/**
 * Blogs on their own domains: WordPress, Blogger, Medium, Substack, Ghost and h-entry sites share
 * this one platform (their extractors are the files named after them here).
 */
import { pagePlatform } from './descriptor';

export const blogPlatform = pagePlatform('blog');
