import type { ContractCase } from './cases';
import type { TeamCaseWire } from './team';
import { MentionSchema, type Mention } from '../domain/mention';

/**
 * What a case's history says about it, read the same way by the server (a lookup's answer) and by
 * the extension (a case it read whole): who captured it, its latest decision, who acted last.
 */

/** The case's mentions that are valid mentions (stored JSON from any version of the server). */
export function mentionsOf(c: ContractCase): Mention[] {
  return c.mentions.flatMap((m) => {
    const p = MentionSchema.safeParse(m);
    return p.success ? [p.data] : [];
  });
}

/** Who captured it: the agent of its `created` entry. */
export function capturedBy(c: ContractCase): string | null {
  return c.history.find((h) => h.kind === 'created')?.by ?? null;
}

/** A case as a lookup answers it (docs/backend-contract.md, "Team"). */
export function wireSummary(c: ContractCase, matched: TeamCaseWire['matched']): TeamCaseWire {
  const first = mentionsOf(c)[0];
  const decision = c.history.findLast((h) => h.kind === 'decision');
  const last = c.history.at(-1);
  return {
    id: c.id,
    status: c.status,
    owner: c.owner,
    group: c.group ?? null,
    category: c.category,
    severity: c.severity,
    capturedBy: capturedBy(c),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    latestDecision: decision ? { at: decision.at, by: decision.by, text: decision.text } : null,
    lastActivity: last ? { at: last.at, by: last.by, kind: last.kind } : null,
    recentHistory: c.history.slice(-3),
    post: first
      ? {
          url: first.url,
          platform: first.platform,
          text: first.text.slice(0, 280),
          author: first.author.handle ?? first.author.name,
        }
      : null,
    webUrl: c.webUrl ?? null,
    matched,
  };
}
