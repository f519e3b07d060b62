import type { Case, LogEntry } from '../domain/case';
import type { CaseSummary } from '../domain/case-summary';
import type { TeamCase, TeamHistoryEntry, TeamMatch } from '../domain/team';
import { teamCaseId, type OnThis, type TeamCaseView } from '../domain/team-view';
import type { LinkedCase } from '../storage/linked-cases';
import { logLine } from '../components/log-words';

/**
 * This browser's cases and the team's, merged: one entry per case (a local copy and the backend's
 * case are one), the team's status and owner winning unless this browser still has changes of its
 * own waiting to be sent. Pure functions, so the rules are tested without a browser.
 */
export function mergeViews(
  local: LinkedCase[],
  team: TeamCase[],
  kind: string | null,
  me: string | null,
): TeamCaseView[] {
  const byRemote = new Map<string, LinkedCase>();
  for (const l of local) if (l.case.backend && l.case.backend.adapter === kind) byRemote.set(l.case.backend.id, l);
  const out: TeamCaseView[] = [];
  const used = new Set<string>();
  for (const t of team) {
    const l = byRemote.get(t.remoteId);
    if (l) used.add(l.case.id);
    out.push(teamView(t, l, kind!, me));
  }
  for (const l of local) if (!used.has(l.case.id)) out.push(localView(l, me));
  return out.sort(
    (a, b) =>
      Number(b.reasons.includes('post')) - Number(a.reasons.includes('post')) || b.updatedAt.localeCompare(a.updatedAt),
  );
}

function teamView(t: TeamCase, l: LinkedCase | undefined, kind: string, me: string | null): TeamCaseView {
  // Changes made here and not yet acknowledged are this browser's truth until the backend has them.
  const pending = l && (l.case.syncState === 'queued' || l.case.syncState === 'failed');
  const status = pending ? l.case.status : t.status;
  const owner = pending ? l.case.owner : t.owner;
  const first = l?.mentions[0];
  const reasons = [...new Set<TeamMatch>([...t.matched, ...(l?.reasons ?? [])])];
  return {
    id: l?.case.id ?? teamCaseId(kind, t.remoteId),
    localCaseId: l?.case.id ?? null,
    remoteId: t.remoteId,
    source: l ? 'both' : 'team',
    reasons: (['post', 'author', 'thread'] as const).filter((r) => reasons.includes(r)),
    status,
    owner,
    ownerGroup: pending ? (l.case.ownerGroup ?? null) : t.ownerGroup,
    capturedBy: t.capturedBy ?? createdBy(l?.case),
    category: t.category,
    severity: t.severity,
    createdAt: t.createdAt ?? l?.case.createdAt ?? null,
    updatedAt: pending && l.case.updatedAt > t.updatedAt ? l.case.updatedAt : t.updatedAt,
    latestDecision: t.latestDecision ?? localDecision(l?.case),
    lastActivity: t.lastActivity ?? localActivity(l?.case),
    text: t.text || (first?.text ?? '').slice(0, 280),
    author: first?.author.name ?? first?.author.handle ?? t.author ?? null,
    postUrl: t.postUrl ?? first?.url ?? null,
    url: t.url,
    syncState: l?.case.syncState ?? null,
    mine: !!me && owner === me,
    handedToMe: handedTo(owner, t.lastActivity, me),
  };
}

function localView(l: LinkedCase, me: string | null): TeamCaseView {
  const c = l.case;
  const first = l.mentions[0];
  const activity = localActivity(c);
  return {
    id: c.id,
    localCaseId: c.id,
    remoteId: c.backend?.id ?? null,
    source: 'local',
    reasons: l.reasons,
    status: c.status,
    owner: c.owner,
    ownerGroup: c.ownerGroup ?? null,
    capturedBy: createdBy(c),
    category: c.category,
    severity: c.severity,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    latestDecision: localDecision(c),
    lastActivity: activity,
    text: (first?.text ?? '').slice(0, 280),
    author: first?.author.name ?? first?.author.handle ?? null,
    postUrl: first?.url ?? null,
    url: c.backend?.url ?? null,
    syncState: c.syncState,
    mine: !!me && c.owner === me,
    handedToMe: handedTo(c.owner, activity, me),
  };
}

const createdBy = (c: Case | undefined) => c?.log.find((e) => e.kind === 'created')?.by ?? null;

function localDecision(c: Case | undefined): TeamCaseView['latestDecision'] {
  const d = c?.log.findLast((e) => e.kind === 'decision');
  return d ? { at: d.at, by: d.by, text: d.text } : null;
}

function localActivity(c: Case | undefined): TeamCaseView['lastActivity'] {
  const e = c?.log.at(-1);
  return e ? { at: e.at, by: e.by, kind: e.kind } : null;
}

function handedTo(owner: string | null, last: TeamCaseView['lastActivity'], me: string | null): boolean {
  return !!me && owner === me && last?.kind === 'owner' && last.by !== me;
}

/** A team case as the popup's duplicate and author views show it. */
export function teamSummary(t: TeamCase, kind: string, local: Case | undefined): CaseSummary {
  return {
    id: local?.id ?? teamCaseId(kind, t.remoteId),
    status: t.status,
    owner: t.owner ?? (t.ownerGroup ? `team ${t.ownerGroup}` : null),
    category: t.category,
    severity: t.severity,
    createdAt: t.createdAt ?? t.updatedAt,
    updatedAt: t.updatedAt,
    text: t.text,
    url: t.postUrl,
    recentLog: t.recentHistory.map((h, i) => historyAsLog(h, `${t.remoteId}-${i}`)),
    source: local ? 'local' : 'team',
    capturedBy: t.capturedBy,
  };
}

function historyAsLog(h: TeamHistoryEntry, id: string): LogEntry {
  const entry: LogEntry = { id, at: h.at, by: h.by ?? '', kind: h.kind === 'other' ? 'note' : h.kind, text: h.text };
  // The lines a backend writes itself are worded in the agent's language where their kind says what they are.
  const status = /(\w+) → (\w+)$/.exec(h.text);
  // A coded line shows its words, then its text: the backend's own sentence would say it twice, so
  // only what the words lack (a hand-off's note) stays as text.
  if (h.kind === 'created')
    return { ...entry, text: '', code: 'captured', params: { platform: /from (\w+)/.exec(h.text)?.[1] ?? '' } };
  if (h.kind === 'status' && status)
    return { ...entry, text: '', code: 'status_changed', params: { from: status[1]!, to: status[2]! } };
  if (h.kind === 'owner' && (h.from !== null || h.to !== null))
    return {
      ...entry,
      text: h.note ?? '',
      code: 'handed_off',
      params: { from: h.from ?? '', to: h.to ?? '', toKind: 'agent' },
    };
  return entry;
}

/** This browser's log as history, for a case the backend does not have (yet). */
export function logAsHistory(c: Case): TeamHistoryEntry[] {
  return c.log.map((e) => ({
    at: e.at,
    by: e.by,
    // Answering, dismissing and merging have no kind of their own in the team's history.
    kind: e.kind === 'answered' || e.kind === 'dismissed' || e.kind === 'merged' ? 'other' : e.kind,
    text: logLine(e),
    note: null,
    from: null,
    to: null,
  }));
}

/** Actions closer together than this are one run of work by the same agent ("on this since 10:02"). */
const RUN_GAP_MS = 2 * 60 * 60_000;

/** Who acted last on a case, and since when their uninterrupted run of actions goes. */
export function onThis(history: TeamHistoryEntry[], me: string | null): OnThis {
  const acts = history.filter((h): h is TeamHistoryEntry & { by: string } => !!h.by && !/ backend$/.test(h.by));
  const last = acts.at(-1);
  if (!last) return { agent: null, since: null, lastAt: null, isMe: false };
  let since = last.at;
  for (let i = acts.length - 2; i >= 0; i--) {
    const a = acts[i]!;
    if (a.by !== last.by || Date.parse(since) - Date.parse(a.at) > RUN_GAP_MS) break;
    since = a.at;
  }
  return { agent: last.by, since, lastAt: last.at, isMe: !!me && last.by === me };
}
