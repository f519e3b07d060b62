import { describe, expect, it } from 'vitest';
import { compactCount } from '../../extract/count-label';
import { shownTime } from '../../extract/time-label';

// Times and counts as Facebook, YouTube, TikTok and X's conversations print them (the tests run in UTC).
describe('shownTime', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it.each([
    ['2 days ago', '2026-11-19T12:00:00.000Z', true],
    ['1 day ago (edited)', '2026-11-20T12:00:00.000Z', true],
    ['3h', '2026-11-21T09:00:00.000Z', true],
    ['5 min geleden', '2026-11-21T11:55:00.000Z', false],
    ['2 d geleden', '2026-11-19T12:00:00.000Z', true],
    ['Yesterday at 9:15 PM', '2026-11-20T21:15:00.000Z', false],
    ['gisteren om 14:05', '2026-11-20T14:05:00.000Z', false],
    ['20 November at 09:15', '2026-11-20T09:15:00.000Z', false],
    ['November 20, 2025 at 9:15 AM', '2025-11-20T09:15:00.000Z', false],
    // No year, and the day is still to come this year: last year's.
    ['December 24 at 10:00', '2025-12-24T10:00:00.000Z', false],
    ['11-20', '2026-11-20T00:00:00.000Z', true],
    ['2024-11-20', '2024-11-20T00:00:00.000Z', true],
    ['6:25 PM', '2026-11-21T18:25:00.000Z', false],
    ['2026-11-20T08:00:00.000Z', '2026-11-20T08:00:00.000Z', false],
  ])('%j is %s', (label, iso, approximate) => expect(shownTime(label, now)).toEqual({ iso, approximate }));

  it('takes a lone clock on the day of the separator above it', () => {
    expect(shownTime('10:42', now, 'Yesterday').iso).toBe('2026-11-20T10:42:00.000Z');
    expect(shownTime('10:42', now, 'Mar 1').iso).toBe('2026-03-01T10:42:00.000Z');
  });

  it.each(['Reply', '', 'Like', '1 like'])('%j is no time', (label) => expect(shownTime(label, now).iso).toBeNull());
});

describe('compactCount', () => {
  it.each([
    ['1.2M subscribers', 1_200_000],
    ['12.4K', 12_400],
    ['3,4 mln. abonnees', 3_400_000],
    ['1,234 likes', 1234],
    ['2.104', 2104],
    ['86 comments', 86],
    ['no count', null],
  ])('%j is %s', (label, n) => expect(compactCount(label)).toBe(n));
});
