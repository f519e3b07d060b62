import type { QueueFilter } from '../../domain/queue';
import type { TeamCaseView } from '../../domain/team-view';

/**
 * "This page" with the team's cases: this browser's list, then the cases of the page only the
 * team's lookup found (a colleague's, or one held here that the backend links to the page by its
 * author), once each: a case held here keeps its local id and the team view gives it the same
 * one. The ones handed to this agent come first. The page's own post pins the team's case when
 * this browser has none of its own. The queue's filters apply to the added cases too, on what the
 * team view knows (no platform: a platform filter leaves them out).
 */
export function withTeamCases(
  local: string[],
  pinned: string | null,
  views: Map<string, TeamCaseView>,
  filter: QueueFilter,
): { ids: string[]; pinned: string | null; added: number } {
  const have = new Set(local);
  if (pinned) have.add(pinned);
  // A case this browser's own lookup linked to the page is its queue's to list (or filter out).
  const extra = [...views.values()].filter((v) => v.source !== 'local' && !have.has(v.id) && matches(v, filter));
  const pin = pinned ?? extra.find((v) => v.reasons.includes('post'))?.id ?? null;
  const rest = extra.filter((v) => v.id !== pin);
  const handed = rest.filter((v) => v.handedToMe).map((v) => v.id);
  const others = rest.filter((v) => !v.handedToMe).map((v) => v.id);
  return { ids: [...handed, ...local, ...others], pinned: pin, added: extra.length };
}

function matches(v: TeamCaseView, f: QueueFilter): boolean {
  const status = f.status === 'any' || (f.status === 'open' ? v.status !== 'resolved' : v.status === f.status);
  const owner = f.owner === null || (v.owner ?? '').trim().toLowerCase() === f.owner;
  const words = f.search.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${v.author ?? ''} ${v.text}`.toLowerCase();
  return (
    status &&
    owner &&
    (f.severity === null || v.severity === f.severity) &&
    f.platform === null &&
    words.every((w) => text.includes(w))
  );
}
