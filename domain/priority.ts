/**
 * A case's priority: how soon it should be handled, from its severity, the reach of the post and
 * its age. Pure, so the queue, the popup and the tests compute the same number. The formula (also
 * in the README):
 *
 *   priority = severity points + reach points + age points
 *
 * - severity points: low 10, medium 20, high 40, critical 60;
 * - reach points: the larger of the author's followers and the post's views; every ten-fold above
 *   1,000 adds 10 points (1,000 → 0, 10,000 → 10, 40,000 → 16, 1,000,000 → 30), at most 40;
 * - age points: half a point per hour since capture, so a case that waits in the queue rises: a day
 *   adds 12, and a low-severity case passes a fresh critical one after four days. (Since capture,
 *   not since the post: an old post captured today would otherwise jump every queue.)
 *
 * Because age counts linearly, the ORDER of cases by priority never changes with time, only the
 * numbers: the database keeps `priorityRank` = severity + reach − age origin, and the queue lists
 * cases by it (storage/case-keys.ts) while showing `priorityAt(rank, now)`.
 */
import type { Severity } from './case';

export const SEVERITY_POINTS: Record<Severity, number> = { low: 10, medium: 20, high: 40, critical: 60 };
const REACH_FLOOR = 1000;
const REACH_MAX_POINTS = 40;
const POINTS_PER_HOUR = 0.5;
const HOUR_MS = 3_600_000;

/** The reach a case is judged by: followers or views, whichever is larger (null: not shown on the page). */
export function reachOf(followers: number | null, views: number | null): number | null {
  if (followers === null && views === null) return null;
  return Math.max(followers ?? 0, views ?? 0);
}

export function reachPoints(reach: number | null): number {
  if (!reach || reach <= REACH_FLOOR) return 0;
  return Math.min(REACH_MAX_POINTS, 10 * Math.log10(reach / REACH_FLOOR));
}

export interface PriorityInput {
  severity: Severity;
  reach: number | null;
  /** When the case was captured (ISO): the time it has been waiting for the team. */
  since: string;
}

/** The time-independent part that orders cases: priority = rank + half the hours since the epoch. */
export function priorityRank(p: PriorityInput): number {
  const originHours = Date.parse(p.since) / HOUR_MS;
  return SEVERITY_POINTS[p.severity] + reachPoints(p.reach) - POINTS_PER_HOUR * originHours;
}

/** The priority shown, at `now` (epoch ms), rounded to a whole number. */
export function priorityAt(rank: number, now: number): number {
  return Math.round(rank + (POINTS_PER_HOUR * now) / HOUR_MS);
}

/** The priority of a case now. */
export function priority(p: PriorityInput, now: number): number {
  return priorityAt(priorityRank(p), now);
}
