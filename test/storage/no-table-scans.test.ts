import { describe, expect, it, vi } from 'vitest';
import { saveCapture } from '../../storage/save-capture';
import { linkedCases } from '../../storage/linked-cases';
import { casesOfAuthor, findDuplicate } from '../../storage/find-existing';
import { lookupMarkers } from '../../background/markers';
import { linkIdentities } from '../../storage/identities';
import { urlKey } from '../../domain/url-key';
import { freshDb, mention, review } from '../helpers';

// The side panel, the dedupe check and the markers "stay fast with many cases stored":
// they reach rows only through indexes, never by reading a whole table.
describe('lookups by index only', () => {
  it('never scans a whole table', async () => {
    const db = freshDb();
    for (let i = 0; i < 50; i++) {
      await saveCapture(db, {
        mention: mention({
          url: `https://x.com/a${i % 5}/status/${i}`,
          postId: String(i),
          author: { name: null, handle: `a${i % 5}`, profileUrl: null, followers: null },
        }),
        review,
        agent: 'a',
        syncEnabled: false,
      });
    }
    await linkIdentities(db, 'x:a1', 'blog:a one');
    const scans = [db.mentions, db.cases, db.identities].flatMap((t) => [
      vi.spyOn(t, 'toArray'),
      vi.spyOn(t, 'each'),
      vi.spyOn(t, 'filter'),
      vi.spyOn(t, 'toCollection'),
    ]);
    const linked = await linkedCases(db, 'https://x.com/a1/status/6', ['x:a1']);
    expect(linked).toHaveLength(10);
    expect(
      (
        await casesOfAuthor(
          db,
          mention({ author: { name: null, handle: 'a1', profileUrl: null, followers: null } }),
          100,
        )
      ).length,
    ).toBe(10);
    expect(await findDuplicate(db, mention({ url: 'https://twitter.com/a2/status/7' }))).toBeDefined();
    expect(Object.keys(await lookupMarkers(db, [urlKey('https://x.com/a3/status/8'), 'nope']))).toHaveLength(1);
    for (const s of scans) expect(s).not.toHaveBeenCalled();
  });
});
