import type { Mention } from './mention';
import { authorKey } from './author-key';
import { urlKey } from './url-key';

/**
 * The keys a team backend finds a case by, the same in the extension, the reference backend and
 * the helpdesk adapters:
 * - post: the post's normalised permalink; an X status is keyed by its id alone
 *   (`x.com/i/status/<id>`), because the handle in its URL changes when the author renames;
 * - author: `platform:handle` (domain/author-key.ts);
 * - thread: the normalised URL of the page or post the mention belongs to (its parent, or itself).
 */
export function postKey(url: string): string {
  const key = urlKey(url);
  const status = /^x\.com\/[^/?#]+\/status\/(\d+)/.exec(key);
  return status ? `x.com/i/status/${status[1]}` : key;
}

export function threadKey(m: Pick<Mention, 'url' | 'parentUrl'>): string {
  return urlKey(m.parentUrl ?? m.url);
}

export interface MentionTeamKeys {
  post: string;
  author: string | null;
  thread: string;
}

export function teamKeysOf(m: Pick<Mention, 'url' | 'parentUrl' | 'platform' | 'author'>): MentionTeamKeys {
  return { post: postKey(m.url), author: authorKey(m), thread: threadKey(m) };
}

/**
 * A key as a short tag for helpdesks, whose tags and external ids are short, case-folded and
 * limited in the characters they take: `ccp_` (post), `cca_` (author) or `cct_` (thread) and a
 * 64-bit FNV-1a hash of the key in hex. Collisions are out of reach at a team's volumes.
 */
export function keyTag(kind: 'post' | 'author' | 'thread', key: string): string {
  return `cc${kind[0]}_${fnv1a64(key)}`;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK;
  return h.toString(16).padStart(16, '0');
}
