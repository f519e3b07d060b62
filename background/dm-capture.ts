import type { Mention } from '../domain/mention';
import type { StoredMention } from '../domain/case';
import type { CaptureDb } from '../storage/db';
import { findDuplicate } from '../storage/find-existing';
import type { CaptureResult } from './capture-tab';

/** The messages of a capture that are not stored yet, in their order. */
export async function notStored(db: CaptureDb, mentions: Mention[] | undefined): Promise<Mention[]> {
  if (!mentions?.length) return [];
  const dups = await Promise.all(mentions.map((m) => findDuplicate(db, m)));
  return mentions.filter((_, i) => !dups[i]);
}

/**
 * What the popup reviews of a read: a post, or a conversation's messages not stored yet (a range
 * read twice must not store its messages twice). The newest new message is reviewed, with the
 * others beside it; when every message of the range is stored, the case holding the newest one is
 * shown, as for any post already stored.
 */
export async function newMessages(
  db: CaptureDb,
  read: CaptureResult & { mention: Mention },
): Promise<{ mention: Mention; also: Mention[] | undefined; dup: StoredMention | undefined }> {
  if (read.mention.kind !== 'dm') {
    return { mention: read.mention, also: read.also, dup: await findDuplicate(db, read.mention) };
  }
  const all = [...(read.also ?? []), read.mention];
  const fresh = await notStored(db, all);
  const newest = fresh.at(-1);
  if (!newest) return { mention: read.mention, also: undefined, dup: await findDuplicate(db, read.mention) };
  // The exchange kept as context goes with the message the case is opened with.
  const mention = newest === read.mention ? newest : { ...newest, thread: read.mention.thread };
  return { mention, also: fresh.slice(0, -1), dup: undefined };
}
