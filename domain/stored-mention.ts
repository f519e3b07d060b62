import { authorKey } from './author-key';
import type { StoredMention } from './case';
import type { Mention } from './mention';
import { urlKey } from './url-key';

/** A mention as stored under a case: with the keys the side panel queries by, its thread as one string. */
export function toStoredMention(mention: Mention, id: string, caseId: string): StoredMention {
  const { thread, ...rest } = mention;
  const row: StoredMention = {
    ...rest,
    id,
    caseId,
    urlKey: urlKey(mention.url),
    authorKey: authorKey(mention),
    threadKey: urlKey(mention.parentUrl ?? mention.url),
  };
  // One string, not 500 objects: see StoredMentionSchema.
  if (thread) {
    row.threadJson = JSON.stringify(thread);
    row.threadCount = thread.comments.length;
  }
  return row;
}
