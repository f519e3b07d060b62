import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../background/handlers';
import { freshDb, mention, review } from '../helpers';

// Issue 5: the background refuses a second case for a stored post even if a page skips the check.
describe('capture handlers', () => {
  it('check finds the duplicate and the author’s cases; save of a duplicate adds the note to the existing case', async () => {
    const db = freshDb();
    const h = createHandlers(db);
    const { caseId } = await h['capture/save']({ mention: mention(), review });
    const again = mention({ url: 'https://twitter.com/MarloesDV/status/1790000000000000001?s=20' });
    expect((await h['capture/check']({ mention: again })).duplicate?.id).toBe(caseId);
    const other = mention({ url: 'https://x.com/marloesdv/status/2', postId: '2' });
    const check = await h['capture/check']({ mention: other });
    expect(check.duplicate).toBeNull();
    expect(check.authorCases.map((c) => c.id)).toEqual([caseId]);
    expect((await h['capture/save']({ mention: again, review: { ...review, note: 'second sighting' } })).caseId).toBe(caseId);
    expect(await db.cases.count()).toBe(1);
    expect((await db.cases.get(caseId))?.log.at(-1)?.text).toBe('second sighting');
    await h['capture/attach']({ mention: other, caseId, note: '' });
    expect((await db.cases.get(caseId))?.mentionIds).toHaveLength(2);
  });
});
