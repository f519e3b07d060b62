import type { Case } from '../domain/case';
import type { Mention } from '../domain/mention';
import type { TeamCase } from '../domain/team';
import { teamCaseId } from '../domain/team-view';
import type { CaptureDb } from '../storage/db';
import { codedLogEntry } from '../domain/case-records';
import { subjectOf } from '../domain/case-subject';
import { toStoredMention } from '../domain/stored-mention';

/**
 * Keeps a colleague's case in this browser, so it can be acted on like one's own: a note, a
 * decision, a status, taking it, attaching a capture all go through the outbox (never lost when
 * the backend is away) to the case the backend already has. Its id is the one the team view gave
 * it (`team:<backend>:<remote id>`), so the pages' references stay valid. Kept as sent: the
 * backend has it; the feed and the periodic refresh keep status and owner current.
 */
export async function adoptTeamCase(
  db: CaptureDb,
  kind: string,
  team: TeamCase,
  mention: Mention | null,
  now: Date,
): Promise<string> {
  const id = teamCaseId(kind, team.remoteId);
  const at = now.toISOString();
  await db.transaction('rw', db.cases, db.mentions, async () => {
    if (await db.cases.get(id)) return;
    const mentionId = mention ? crypto.randomUUID() : null;
    const c: Case = {
      id,
      idempotencyKey: crypto.randomUUID(),
      status: team.status,
      owner: team.owner,
      ownerGroup: team.ownerGroup,
      category: team.category,
      severity: team.severity,
      mentionIds: mentionId ? [mentionId] : [],
      log: [
        codedLogEntry(
          'created',
          team.capturedBy ?? `${kind} backend`,
          'adopted_team_case',
          { url: team.postUrl ?? '' },
          team.createdAt ?? team.updatedAt,
        ),
      ],
      createdAt: team.createdAt ?? team.updatedAt,
      updatedAt: team.updatedAt,
      syncState: 'sent',
      syncError: null,
      backend: { adapter: kind, id: team.remoteId, url: team.url, syncedAt: at },
      subject: mention ? subjectOf(mention) : null,
      firstResponse: null,
      dismissal: null,
      mergedInto: null,
      syncProblem: null,
    };
    await db.cases.add(c);
    if (mention && mentionId) await db.mentions.add(toStoredMention(mention, mentionId, id));
  });
  return id;
}
