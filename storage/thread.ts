/** Reading a stored mention's thread snapshot back (stored as JSON, see domain/case.ts). */
import type { ExportedMention, StoredMention } from '../domain/case';
import { ThreadSchema, type Thread } from '../domain/thread';

export type ThreadRead = { ok: true; thread: Thread | null } | { ok: false; error: string };

/** The thread kept with this mention: null when it has none; an error when the stored JSON is damaged. */
export function threadOf(m: Pick<StoredMention, 'threadJson'>): ThreadRead {
  if (m.threadJson === undefined) return { ok: true, thread: null };
  try {
    const parsed = ThreadSchema.safeParse(JSON.parse(m.threadJson));
    return parsed.success
      ? { ok: true, thread: parsed.data }
      : { ok: false, error: 'the stored comments are not in the expected form' };
  } catch {
    return { ok: false, error: 'the stored comments could not be read' };
  }
}

/** The row as the export file has it: thread as an object (a damaged one is left out, not exported as garbage). */
export function exportedMention(row: StoredMention): ExportedMention {
  const { threadJson: _json, threadCount: _count, ...rest } = row;
  const read = threadOf(row);
  return read.ok && read.thread ? { ...rest, thread: read.thread } : rest;
}
