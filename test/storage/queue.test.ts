import { describe, expect, it, vi } from 'vitest';
import { composeQueue, NO_FILTER } from '../../domain/queue';
import { rowFromCase } from '../../domain/queue-row';
import { DEFAULT_SLA_HOURS } from '../../domain/sla';
import { saveCapture } from '../../storage/save-capture';
import { caseRows, idsWhere, overdueCount, queueOrder, queueOwners, searchIds } from '../../storage/queue';
import { updateCase } from '../../storage/update-case';
import { freshDb, mention } from '../helpers';

const HOUR = 3_600_000;

async function seed() {
  const db = freshDb();
  const at = (h: number) => new Date(Date.parse('2026-11-23T12:00:00Z') - h * HOUR);
  const save = (
    n: number,
    severity: 'low' | 'medium' | 'high' | 'critical',
    text: string,
    name: string,
    hoursAgo: number,
  ) =>
    saveCapture(db, {
      mention: mention({
        url: `https://x.com/u${n}/status/${n}`,
        postId: String(n),
        author: { name, handle: `u${n}`, profileUrl: null, followers: n === 2 ? 40_000 : 10 },
        text,
        publishedAt: at(hoursAgo).toISOString(),
      }),
      review: { category: 'outage', severity, owner: null, note: '' },
      agent: 'a',
      syncEnabled: false,
      now: at(hoursAgo),
    });
  const a = await save(1, 'medium', 'Geen internet sinds maandag', 'Anouk de Vries', 1);
  const b = await save(2, 'medium', 'Factuur dubbel afgeschreven', 'Bram Visser', 1);
  const c = await save(3, 'critical', 'Storing in heel Utrecht', 'Café Élan', 0);
  const d = await save(4, 'low', 'Pakket kwijt', 'Daan', 2);
  await updateCase(db, { caseId: b.caseId, owner: 'Sanne', agent: 'a', syncEnabled: false });
  await updateCase(db, { caseId: d.caseId, status: 'resolved', agent: 'a', syncEnabled: false });
  return { db, ids: { a: a.caseId, b: b.caseId, c: c.caseId, d: d.caseId } };
}

describe('the queue’s reads', () => {
  it('orders open cases by priority (severity, reach, age), resolved ones apart', async () => {
    const { db, ids } = await seed();
    // Critical first; of the two medium ones, the 40,000-follower author's.
    expect(await queueOrder(db, 'open')).toEqual([ids.c, ids.b, ids.a]);
    expect(await queueOrder(db, 'resolved')).toEqual([ids.d]);
    expect(await queueOrder(db, 'any')).toEqual([ids.c, ids.b, ids.a, ids.d]);
  });

  it('finds cases by the start of any word of author, handle or text, accents or not', async () => {
    const { db, ids } = await seed();
    expect(await searchIds(db, 'anou')).toEqual(new Set([ids.a]));
    expect(await searchIds(db, 'cafe ela')).toEqual(new Set([ids.c]));
    expect(await searchIds(db, '@u2')).toEqual(new Set([ids.b]));
    expect(await searchIds(db, 'utrecht storing')).toEqual(new Set([ids.c]));
    expect(await searchIds(db, 'zzz')).toEqual(new Set());
    expect(await searchIds(db, ' ')).toBeNull();
  });

  it('counts views and filters by combining index reads', async () => {
    const { db, ids } = await seed();
    const ordered = await queueOrder(db, 'open');
    const lists = composeQueue(ordered, [await idsWhere(db, 'severity', 'medium'), null], {
      page: new Set([ids.a, ids.c]),
      mine: await idsWhere(db, 'ownerKey', 'sanne'),
      unassigned: await idsWhere(db, 'ownerKey', ''),
      all: null,
    });
    expect(lists).toEqual({ page: [ids.a], mine: [ids.b], unassigned: [ids.a], all: [ids.b, ids.a] });
    expect(await queueOwners(db)).toEqual([{ key: 'sanne', name: 'Sanne' }]);
    expect(NO_FILTER.status).toBe('open');
  });

  it('counts overdue cases per severity’s SLA, and a row says so', async () => {
    const { db, ids } = await seed();
    const now = Date.parse('2026-11-23T12:30:00Z');
    // The critical case (SLA 1 h) was captured 30 minutes ago; the medium ones (24 h) an hour ago.
    expect(await overdueCount(db, DEFAULT_SLA_HOURS, now)).toBe(0);
    expect(await overdueCount(db, DEFAULT_SLA_HOURS, now + HOUR)).toBe(1);
    expect(await overdueCount(db, { ...DEFAULT_SLA_HOURS, medium: 1 }, now + HOUR)).toBe(3);
    const [row] = await caseRows(db, [ids.c]);
    expect(rowFromCase(row!, DEFAULT_SLA_HOURS, now + HOUR)).toMatchObject({
      overdue: true,
      author: 'Café Élan',
      severity: 'critical',
      priority: 61,
    });
  });

  it('never scans a whole table', async () => {
    const { db } = await seed();
    const scans = [db.cases, db.mentions].flatMap((t) => [
      vi.spyOn(t, 'toArray'),
      vi.spyOn(t, 'each'),
      vi.spyOn(t, 'filter'),
      vi.spyOn(t, 'toCollection'),
    ]);
    await queueOrder(db, 'any');
    await searchIds(db, 'storing utrecht');
    await idsWhere(db, 'platform', 'x');
    await queueOwners(db);
    await overdueCount(db, DEFAULT_SLA_HOURS, Date.now());
    for (const s of scans) expect(s).not.toHaveBeenCalled();
  });
});
