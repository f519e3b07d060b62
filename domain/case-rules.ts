/**
 * What may be done to a case, decided from the case and its outbox entries. Pure and zod-free:
 * the background enforces these rules and the side panel shows only the actions they allow.
 */
import type { Case } from './case';
import type { OutboxEntry } from './outbox';

/**
 * A case may be deleted only while no backend can have it: never acknowledged, and every push
 * still waiting untried (none in flight, none tried and lost, none refused after a try). Once a
 * push may have reached the backend, the case is closed as "not a complaint" instead.
 */
export function canDelete(
  c: Pick<Case, 'backend' | 'mergedInto'>,
  entries: readonly Pick<OutboxEntry, 'state' | 'attempts'>[],
): boolean {
  if (c.backend || c.mergedInto) return false;
  return entries.every((e) => e.state === 'pending' && e.attempts === 0);
}

/** Two cases may be merged when they differ and neither was merged already. */
export function canMerge(a: Pick<Case, 'id' | 'mergedInto'>, b: Pick<Case, 'id' | 'mergedInto'>): boolean {
  return a.id !== b.id && !a.mergedInto && !b.mergedInto;
}
