import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, badgeView } from '../../background/badge';

const message = (key: string, subs: string[] = []) => [key, ...subs].join(' ');

// The badge has one owner, fed by two inputs: the page's linked cases and the sync state.
describe('badge', () => {
  it('counts the cases linked to the page and says both counts in its tooltip', () => {
    expect(badgeView({ linked: 2, overdue: 0, waiting: 3, failed: 0 }, message)).toEqual({
      text: '2',
      colour: BADGE_COLOURS.quiet,
      title: 'badgeTitle 2 3',
    });
  });

  it('turns red when a case needs sync attention, whatever the page', () => {
    expect(badgeView({ linked: 0, overdue: 0, waiting: 1, failed: 1 }, message).colour).toBe(BADGE_COLOURS.attention);
    expect(badgeView({ linked: null, overdue: 0, waiting: 1, failed: 1 }, message).colour).toBe(
      BADGE_COLOURS.attention,
    );
  });

  it('shows no count and the plain title on a tab without a web page', () => {
    expect(badgeView({ linked: null, overdue: 0, waiting: 4, failed: 0 }, message)).toEqual({
      text: '',
      colour: BADGE_COLOURS.quiet,
      title: 'actionTitle',
    });
  });

  it('counts overdue cases first, in red, and says so first in its tooltip', () => {
    expect(badgeView({ linked: 2, overdue: 3, waiting: 0, failed: 0 }, message)).toEqual({
      text: '3',
      colour: BADGE_COLOURS.attention,
      title: 'overdueCount 3 · badgeTitle 2 0',
    });
  });

  it('caps the count at 99+', () => {
    expect(badgeView({ linked: 100, overdue: 0, waiting: 0, failed: 0 }, message).text).toBe('99+');
  });
});
