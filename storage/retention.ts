import { storage } from 'wxt/utils/storage';
import { subjectOf } from '../domain/case-subject';
import type { CaptureDb } from './db';

/** Days mentions (authors' personal data) are kept; null: kept until deleted. Off by default. */
export const retentionItem = storage.defineItem<number | null>('local:retentionDays', { fallback: null, version: 1 });

/**
 * Deletes mentions captured more than `days` ago, by the capturedAt index, and the evidence
 * (images of the posts) kept with them. Cases stay (with their log) so the team's history
 * survives; they just no longer hold the author's post, nor its brief on the case (the queue's row
 * then shows the next mention kept, or none).
 */
export async function purgeOldMentions(db: CaptureDb, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.transaction('rw', db.mentions, db.cases, db.evidence, async () => {
    const old = await db.mentions.where('capturedAt').below(cutoff).toArray();
    if (!old.length) return 0;
    const gone = new Set(old.map((m) => m.id));
    const cases = (await db.cases.bulkGet([...new Set(old.map((m) => m.caseId))])).filter((c) => !!c);
    const kept = cases.map((c) => c.mentionIds.filter((id) => !gone.has(id)));
    const firsts = await db.mentions.bulkGet(kept.map((ids) => ids[0] ?? ''));
    await db.cases.bulkPut(
      cases.map((c, i) => {
        const first = firsts[i];
        return { ...c, mentionIds: kept[i]!, subject: first ? subjectOf(first) : null };
      }),
    );
    await db.mentions.bulkDelete([...gone]);
    await db.evidence
      .where('mentionId')
      .anyOf([...gone])
      .delete();
    return gone.size;
  });
}
