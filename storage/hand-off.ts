import type { Case } from '../domain/case';
import type { CaptureDb } from './db';
import { codedLogEntry, newLogEntry } from '../domain/case-records';
import { newOutboxEntry } from '../domain/outbox';
import { ProblemError } from '../domain/problem';

export interface HandOffInput {
  caseId: string;
  /** The agent acting (recorded in the log). */
  agent: string;
  /** The new owner: an agent (name, and roster id if picked from it), or a group. */
  to: { kind: 'agent' | 'group'; id: string | null; name: string };
  note: string;
  syncEnabled: boolean;
  now?: Date;
}

/**
 * Gives a case to an agent or a group (taking it is giving it to oneself), logged as
 * "Anna → Bram" with the note, and queued for the backend as one change carrying owner, roster id,
 * group and note. Answers who had it before.
 */
export async function handOff(db: CaptureDb, input: HandOffInput): Promise<{ previous: string | null }> {
  const at = (input.now ?? new Date()).toISOString();
  return db.transaction('rw', db.cases, db.outbox, async () => {
    const c: Case | undefined = await db.cases.get(input.caseId);
    if (!c) throw new ProblemError('case_not_found', { caseId: input.caseId });
    const previous = c.owner ?? (c.ownerGroup ? `team ${c.ownerGroup}` : null);
    const agent = input.to.kind === 'agent';
    const note = input.note.trim();
    const owner = codedLogEntry(
      'owner',
      input.agent,
      'handed_off',
      { from: c.owner ?? '', fromGroup: c.owner ? '' : (c.ownerGroup ?? ''), to: input.to.name, toKind: input.to.kind },
      at,
    );
    const noted = note ? newLogEntry('note', input.agent, note, at) : null;
    c.log.push(owner, ...(noted ? [noted] : []));
    c.owner = agent ? input.to.name : null;
    c.ownerGroup = agent ? (c.ownerGroup ?? null) : input.to.name;
    c.updatedAt = at;
    if (input.syncEnabled) {
      if (c.syncState !== 'failed') c.syncState = 'queued';
      await db.outbox.add(
        newOutboxEntry({
          caseId: c.id,
          op: 'update',
          at: Date.parse(at),
          patch: {
            owner: c.owner,
            ownerId: agent ? input.to.id : null,
            ...(agent ? {} : { group: { id: input.to.id, name: input.to.name } }),
            ...(noted ? { logEntryId: noted.id, handoff: true } : {}),
          },
        }),
      );
    }
    await db.cases.put(c);
    return { previous };
  });
}
