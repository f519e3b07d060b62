/**
 * The brand's own accounts (settings): a post or comment they wrote is the team's, never a
 * complaint, and their reply under a case's post answers it. Zod-free (the popup checks too).
 */
import type { Author, Platform } from './mention';

export interface BrandAccountRef {
  platform: Platform;
  handle: string;
}

const fold = (s: string) => s.trim().replace(/^@/, '').toLowerCase();

/**
 * The brand account that wrote it, if any: the same platform, and the same handle (or, where the
 * page shows no handle, as on blogs, the same name), case-insensitive and with or without "@".
 */
export function brandAccountOf(
  who: { platform: Platform; author: Pick<Author, 'name' | 'handle'> },
  accounts: readonly BrandAccountRef[],
): BrandAccountRef | null {
  const names = [who.author.handle, who.author.name].filter((n): n is string => !!n?.trim()).map(fold);
  if (!names.length) return null;
  return accounts.find((b) => b.platform === who.platform && names.includes(fold(b.handle))) ?? null;
}
