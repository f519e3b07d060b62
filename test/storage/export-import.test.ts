import { describe, expect, it } from 'vitest';
import { saveCapture } from '../../storage/save-capture';
import { exportCsv, exportJson, importJson } from '../../storage/export-import';
import { purgeOldMentions } from '../../storage/retention';
import { csvCell } from '../../domain/csv';
import { freshDb, mention, review } from '../helpers';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+31 6 1234', "'+31 6 1234"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
  ])('%j becomes %j', (input, out) => expect(csvCell(input)).toBe(out));
  it('writes null as empty', () => expect(csvCell(null)).toBe(''));
});

describe('export and import', () => {
  it('round-trips cases and mentions through JSON', async () => {
    const a = freshDb();
    await saveCapture(a, {
      mention: mention({ text: '=cmd|calc' }),
      review: { ...review, note: 'n' },
      agent: 'a',
      syncEnabled: false,
    });
    await saveCapture(a, {
      mention: mention({ url: 'https://x.com/b/status/2', postId: '2' }),
      review,
      agent: 'a',
      syncEnabled: false,
    });
    const file = JSON.stringify(await exportJson(a));
    const b = freshDb();
    expect(await importJson(b, file)).toEqual({ ok: true, cases: 2, mentions: 2, skipped: 0 });
    expect((await b.cases.toArray()).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      (await a.cases.toArray()).sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect(await importJson(b, file)).toEqual({ ok: true, cases: 0, mentions: 0, skipped: 2 });
    const csv = await exportCsv(a);
    expect(csv.split('\r\n')[0]).toMatch(/^case_id,status,owner/);
    expect(csv).toContain(",'=cmd|calc,");
    expect(csv).not.toMatch(/password|token|apiKey/i);
  });

  it.each([
    ['not json', { code: 'import_not_json', params: {} }],
    ['{"format":"other"}', { code: 'import_invalid', params: { where: 'format' } }],
    [
      JSON.stringify({
        format: 'complaint-capture-export',
        version: 1,
        exportedAt: 'x',
        cases: [{ id: 1 }],
        mentions: [],
      }),
      { code: 'import_invalid', params: { where: 'cases.0.id' } },
    ],
  ])('refuses a bad file (%s) with a clear error and changes nothing', async (text, error) => {
    const db = freshDb();
    await saveCapture(db, { mention: mention(), review, agent: 'a', syncEnabled: false });
    const r = await importJson(db, text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toEqual(error);
    expect(await db.cases.count()).toBe(1);
  });

  it('imports cases that were waiting to sync elsewhere as local (no outbox entry here)', async () => {
    const a = freshDb();
    await saveCapture(a, { mention: mention(), review, agent: 'a', syncEnabled: true });
    const b = freshDb();
    await importJson(b, JSON.stringify(await exportJson(a)));
    expect((await b.cases.toArray())[0]?.syncState).toBe('local');
    expect(await b.outbox.count()).toBe(0);
  });

  it('refuses mentions of a case the file does not hold', async () => {
    const a = freshDb();
    await saveCapture(a, { mention: mention(), review, agent: 'a', syncEnabled: false });
    const file = await exportJson(a);
    const r = await importJson(freshDb(), JSON.stringify({ ...file, cases: [] }));
    expect(!r.ok && r.error).toMatchObject({ code: 'import_unknown_case', params: { where: 'mentions.0.caseId' } });
  });
});

describe('retention', () => {
  it('purges mentions older than N days and keeps the cases and their log', async () => {
    const db = freshDb();
    const old = await saveCapture(db, {
      mention: mention({ capturedAt: '2026-01-01T00:00:00.000Z' }),
      review,
      agent: 'a',
      syncEnabled: false,
    });
    const recent = await saveCapture(db, {
      mention: mention({ url: 'https://x.com/m/status/9', postId: '9', capturedAt: '2026-11-20T00:00:00.000Z' }),
      review,
      agent: 'a',
      syncEnabled: false,
    });
    expect(await purgeOldMentions(db, 30, new Date('2026-11-23T00:00:00Z'))).toBe(1);
    expect(await db.mentions.get(old.mentionId)).toBeUndefined();
    expect((await db.cases.get(old.caseId))?.mentionIds).toEqual([]);
    // The author's words go from the case's brief (and the search index) with the mention.
    expect((await db.cases.get(old.caseId))?.subject).toBeNull();
    expect(await db.cases.where('words').startsWith('marloes').primaryKeys()).toEqual([recent.caseId, recent.caseId]);
    expect(await db.mentions.get(recent.mentionId)).toBeDefined();
    expect(await purgeOldMentions(db, 30, new Date('2026-11-23T00:00:00Z'))).toBe(0);
  });
});
