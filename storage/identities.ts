import { ProblemError } from '../domain/problem';
import type { CaptureDb } from './db';

/**
 * The given author keys plus every key linked to any of them (linked identities count as one
 * author everywhere). Two indexed lookups, whatever the size of the store.
 */
export async function expandAuthorKeys(db: CaptureDb, keys: string[]): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await db.identities.where('authorKey').anyOf(keys).toArray();
  const groups = [...new Set(rows.map((r) => r.groupId))];
  const linked = groups.length ? await db.identities.where('groupId').anyOf(groups).toArray() : [];
  return [...new Set([...keys, ...linked.map((r) => r.authorKey)])];
}

/** Links two identities as one person; linking into an existing group merges the groups. */
export async function linkIdentities(db: CaptureDb, a: string, b: string): Promise<void> {
  if (a === b) throw new ProblemError('identity_self');
  await db.transaction('rw', db.identities, async () => {
    const [ra, rb] = await db.identities.bulkGet([a, b]);
    const groupId = ra?.groupId ?? rb?.groupId ?? crypto.randomUUID();
    if (ra && rb && ra.groupId !== rb.groupId) {
      const moved = await db.identities.where('groupId').equals(rb.groupId).toArray();
      await db.identities.bulkPut(moved.map((r) => ({ ...r, groupId })));
    }
    await db.identities.bulkPut([
      { authorKey: a, groupId },
      { authorKey: b, groupId },
    ]);
  });
}

/** Takes one identity out of its group; a group left with one member is dissolved. */
export async function unlinkIdentity(db: CaptureDb, key: string): Promise<void> {
  await db.transaction('rw', db.identities, async () => {
    const row = await db.identities.get(key);
    if (!row) return;
    await db.identities.delete(key);
    const rest = await db.identities.where('groupId').equals(row.groupId).toArray();
    if (rest.length === 1 && rest[0]) await db.identities.delete(rest[0].authorKey);
  });
}

/** The other identities linked to `key`. */
export async function linkedIdentities(db: CaptureDb, key: string): Promise<string[]> {
  return (await expandAuthorKeys(db, [key])).filter((k) => k !== key);
}

/** For each given key that is linked to others, those others (for showing links next to cases). */
export async function identityGroups(db: CaptureDb, keys: string[]): Promise<Record<string, string[]>> {
  const rows = keys.length ? await db.identities.where('authorKey').anyOf(keys).toArray() : [];
  const members = rows.length
    ? await db.identities
        .where('groupId')
        .anyOf([...new Set(rows.map((r) => r.groupId))])
        .toArray()
    : [];
  const out: Record<string, string[]> = {};
  for (const r of rows)
    out[r.authorKey] = members
      .filter((m) => m.groupId === r.groupId && m.authorKey !== r.authorKey)
      .map((m) => m.authorKey);
  return out;
}
