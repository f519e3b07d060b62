import type { TeamCaseView } from '../../domain/team-view';

/**
 * "This page" with the team's cases: this browser's list, then the colleagues' cases it does not
 * hold (one entry per case: a case held here keeps its local id, the team view gives it the same
 * one), the ones handed to this agent first (a case held here that was handed over shows its mark
 * in its own row). The page's own post pins the team's case when this
 * browser has none of its own.
 */
export function withTeamCases(
  local: string[],
  pinned: string | null,
  views: Map<string, TeamCaseView>,
): { ids: string[]; pinned: string | null; added: number } {
  const have = new Set(local);
  if (pinned) have.add(pinned);
  // A case held here is this browser's queue's to list (its filters decide); only the ones held
  // nowhere but on the backend are added.
  const extra = [...views.values()].filter((v) => v.source === 'team' && !have.has(v.id));
  const pin = pinned ?? extra.find((v) => v.reasons.includes('post'))?.id ?? null;
  const rest = extra.filter((v) => v.id !== pin);
  const handed = rest.filter((v) => v.handedToMe).map((v) => v.id);
  const others = rest.filter((v) => !v.handedToMe).map((v) => v.id);
  return { ids: [...handed, ...local, ...others], pinned: pin, added: extra.length };
}
