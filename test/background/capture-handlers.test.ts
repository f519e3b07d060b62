import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../background/handlers';
import { trackPendingCapture } from '../../background/pending-capture';
import { offlineTeam } from './team-fixtures';
import { freshDb, mention, review } from '../helpers';

// The background refuses a second case for a stored post even if a page skips the check.
describe('capture handlers', () => {
  it('open finds the duplicate, author-cases the author’s cases; save of a duplicate adds the note to the existing case', async () => {
    const db = freshDb();
    // No backend: the team is off and local cases are all there is.
    const h = createHandlers(db, offlineTeam(db));
    const { caseId } = await h['capture/save']({ mention: mention(), review });
    // The popup opens on the pending capture the context menu made for tab 11 (no page to read here).
    const again = mention({ url: 'https://twitter.com/MarloesDV/status/1790000000000000001?s=20' });
    await trackPendingCapture(11, Promise.resolve({ mention: again, readError: null }));
    const opened = await h['capture/open']({ tabId: 11 });
    expect(opened.mention.url).toBe(again.url);
    expect(opened.duplicate?.id).toBe(caseId);
    expect(opened.team).toEqual({ state: 'off' });
    const other = mention({ url: 'https://x.com/marloesdv/status/2', postId: '2' });
    await trackPendingCapture(12, Promise.resolve({ mention: other, readError: null }));
    expect((await h['capture/open']({ tabId: 12 })).duplicate).toBeNull();
    expect((await h['capture/author-cases']({ mention: other })).cases.map((c) => c.id)).toEqual([caseId]);
    expect((await h['capture/save']({ mention: again, review: { ...review, note: 'second sighting' } })).caseId).toBe(
      caseId,
    );
    expect(await db.cases.count()).toBe(1);
    expect((await db.cases.get(caseId))?.log.at(-1)?.text).toBe('second sighting');
    await h['capture/attach']({ mention: other, caseId, note: '' });
    expect((await db.cases.get(caseId))?.mentionIds).toHaveLength(2);
  });
});
