import { describe, expect, it } from 'vitest';
import { MENU_ID, handleMenuClick, optionsForClick } from '../../background/context-menu';
import { badgeText } from '../../background/badge';
import { takePendingCapture, trackPendingCapture } from '../../background/pending-capture';
import { parseAuthorKey } from '../../domain/parse-author-key';
import { mention } from '../helpers';

describe('context menu', () => {
  it('reads a selection, a link, or the post under the pointer', () => {
    expect(optionsForClick({ menuItemId: MENU_ID, selectionText: 'geen internet' })).toEqual({ useSelection: true });
    expect(optionsForClick({ menuItemId: MENU_ID, linkUrl: 'https://x.com/a/status/1' })).toEqual({
      useSelection: false,
      linkUrl: 'https://x.com/a/status/1',
    });
    expect(optionsForClick({ menuItemId: MENU_ID })).toEqual({ useSelection: false, underPointer: true });
    // Firefox names the right-clicked element.
    expect(optionsForClick({ menuItemId: MENU_ID, targetElementId: 42 })).toEqual({
      useSelection: false,
      underPointer: true,
      targetElementId: 42,
    });
  });

  it('ignores other menu items and clicks without a tab', () => {
    expect(handleMenuClick({ menuItemId: 'other' }, { id: 1 })).toBeNull();
    expect(handleMenuClick({ menuItemId: MENU_ID }, undefined)).toBeNull();
  });
});

describe('pending capture', () => {
  it('is taken once by the popup, which waits for a capture still being read', async () => {
    let finish!: (v: { mention: ReturnType<typeof mention>; readError: null }) => void;
    void trackPendingCapture(7, new Promise((ok) => (finish = ok)));
    const taken = takePendingCapture(7);
    finish({ mention: mention(), readError: null });
    expect((await taken)?.mention?.url).toBe(mention().url);
    expect(await takePendingCapture(7)).toBeNull();
  });

  it('is dropped when stale', async () => {
    await trackPendingCapture(8, Promise.resolve({ mention: mention(), readError: null }));
    expect(await takePendingCapture(8, Date.now() + 10 * 60_000)).toBeNull();
  });
});

describe('small helpers', () => {
  it('badge text', () => expect([0, 3, 99, 100].map(badgeText)).toEqual(['', '3', '99', '99+']));
  it.each([
    ['@MarloesDV', 'x:marloesdv'],
    ['blog:Anouk de Vries', 'blog:anouk de vries'],
    ['mastodon:@anouk@mastodon.social', 'mastodon:anouk@mastodon.social'],
    ['just a name', null],
    ['x:', null],
  ])('parses the identity %j', (input, key) => expect(parseAuthorKey(input)).toBe(key));
});
