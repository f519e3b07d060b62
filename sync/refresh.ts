import type { CaptureDb } from '../storage/db';
import { codedLogEntry } from '../domain/case-records';
import type { Adapter } from './adapter';
import type { Clock } from './drain-options';

/**
 * Brings the backend's status and owner into acknowledged cases. A case with changes still in
 * the outbox is skipped: until the backend has them, the local state is the truth.
 */
export async function refreshFromBackend(
  db: CaptureDb,
  adapter: Adapter,
  clock: Clock,
  opts: { limit?: number; concurrency?: number } = {},
): Promise<number> {
  const pending = new Set((await db.outbox.toArray()).map((e) => e.caseId));
  const sent = (await db.cases.where('syncState').equals('sent').toArray())
    .filter((c) => c.backend?.adapter === adapter.kind && !pending.has(c.id))
    .sort((a, b) => (a.backend!.syncedAt < b.backend!.syncedAt ? -1 : 1))
    .slice(0, opts.limit ?? 200);
  let changed = 0;
  let i = 0;
  const run = async () => {
    while (i < sent.length) {
      const c = sent[i++]!;
      let remote;
      try {
        remote = await adapter.read(c.backend!.id);
      } catch {
        continue; // The next refresh tries again; the case stays as it is.
      }
      const at = new Date(clock.now()).toISOString();
      const by = `${adapter.kind} backend`;
      await db.transaction('rw', db.cases, db.outbox, async () => {
        const cur = await db.cases.get(c.id);
        if (!cur?.backend || (await db.outbox.where('caseId').equals(c.id).count())) return;
        if (remote.status !== cur.status) {
          cur.log.push(codedLogEntry('status', by, 'status_changed', { from: cur.status, to: remote.status }, at));
          cur.status = remote.status;
          cur.updatedAt = at;
          changed++;
        }
        if (remote.owner !== cur.owner) {
          cur.log.push(
            remote.owner
              ? codedLogEntry('owner', by, 'owner_set', { owner: remote.owner }, at)
              : codedLogEntry('owner', by, 'owner_removed', {}, at),
          );
          cur.owner = remote.owner;
          cur.updatedAt = at;
          changed++;
        }
        cur.backend = { ...cur.backend, syncedAt: at };
        await db.cases.put(cur);
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, sent.length) }, run));
  return changed;
}
