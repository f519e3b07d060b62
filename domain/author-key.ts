import type { Mention } from './mention';

/**
 * The key an author is matched by across captures: `platform:handle`, or `platform:name` when the
 * page shows no handle (blog comments). Lower-case, so `@MarloesDV` and `@marloesdv` are one person.
 */
export function authorKey(m: Pick<Mention, 'platform' | 'author'>): string | null {
  const who = m.author.handle ?? m.author.name;
  if (!who) return null;
  return `${m.platform}:${who.trim().toLowerCase()}`;
}
