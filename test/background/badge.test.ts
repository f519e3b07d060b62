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

describe('badge and the team', () => {
  it('counts cases handed to the agent (blue) and says what the team changed in its tooltip', () => {
    expect(badgeView({ linked: 2, overdue: 0, waiting: 0, failed: 0, handedToMe: 1, teamChanged: 3 }, message)).toEqual(
      { text: '1', colour: BADGE_COLOURS.team, title: 'badgeTeam 1 3 · badgeTitle 2 0' },
    );
  });

  it('keeps overdue and sync trouble first', () => {
    const v = badgeView({ linked: 2, overdue: 4, waiting: 0, failed: 0, handedToMe: 1, teamChanged: 0 }, message);
    expect([v.text, v.colour]).toEqual(['4', BADGE_COLOURS.attention]);
    expect(v.title).toBe('overdueCount 4 · badgeTeam 1 0 · badgeTitle 2 0');
  });

  it('says nothing about the team when it did nothing', () => {
    expect(
      badgeView({ linked: 0, overdue: 0, waiting: 0, failed: 0, handedToMe: 0, teamChanged: 0 }, message).title,
    ).toBe('badgeTitle 0 0');
  });
});
