/**
 * Service levels: hours to the first response per severity (set in the options), and whether a
 * case is overdue. The clock starts at capture (`createdAt`): that is when the team knew, and a
 * post captured days late would otherwise be overdue the moment it is saved. It stops at the first
 * response, a dismissal, a merge or resolution. Pure and zod-free (the popup shows it too).
 */
import type { Severity } from './case';

export type SlaHours = Record<Severity, number | null>;

export const DEFAULT_SLA_HOURS: SlaHours = { critical: 1, high: 4, medium: 24, low: 72 };

const HOUR_MS = 3_600_000;

/** What the SLA needs of a case. */
export interface SlaFacts {
  severity: Severity;
  status: string;
  createdAt: string;
  firstResponse: { at: string } | null;
  dismissal: unknown;
  mergedInto: string | null;
}

/** Still waiting for the team's first response (the SLA clock runs). */
export function awaitingResponse(c: SlaFacts): boolean {
  return !c.firstResponse && !c.dismissal && !c.mergedInto && c.status !== 'resolved';
}

/** When the first response is due (epoch ms), or null when no target applies. */
export function responseDueAt(c: SlaFacts, sla: SlaHours): number | null {
  const hours = sla[c.severity];
  if (hours === null || !awaitingResponse(c)) return null;
  return Date.parse(c.createdAt) + hours * HOUR_MS;
}

export function isOverdue(c: SlaFacts, sla: SlaHours, now: number): boolean {
  const due = responseDueAt(c, sla);
  return due !== null && now > due;
}

/** Milliseconds from capture to the first response, or null before there is one. */
export function timeToFirstResponse(c: Pick<SlaFacts, 'createdAt' | 'firstResponse'>): number | null {
  return c.firstResponse ? Math.max(0, Date.parse(c.firstResponse.at) - Date.parse(c.createdAt)) : null;
}
