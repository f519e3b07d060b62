import { storage } from 'wxt/utils/storage';
import type { TeamChange } from '../domain/team';
import type { CaptureDb } from '../storage/db';
import { codedLogEntry, newLogEntry } from '../domain/case-records';
import type { TeamBackend } from './team-service';

/**
 * What the team did since this browser last looked, from the backend's change feed (own contract):
 * read on an alarm every minute, so the badge can say so with the side panel closed; an open side
 * panel gets the same changes at once through server-sent events (messaging/team-events.ts).
 */
export interface TeamActivity {
  /** The feed's cursor, and the backend it belongs to (another backend starts from now). */
  cursor: string | null;
  backend: string | null;
  /** Remote ids of cases handed to this agent by someone else, not yet seen in the panel. */
  handedToMe: string[];
  /** Remote ids of cases this browser holds that a colleague changed since the last look. */
  changed: string[];
  lastPolledAt: number | null;
  problem: string | null;
}

export const teamActivityItem = storage.defineItem<TeamActivity>('session:teamActivity', {
  fallback: { cursor: null, backend: null, handedToMe: [], changed: [], lastPolledAt: null, problem: null },
});

/** The most feed pages one poll reads (200 changes each); the rest waits for the next poll. */
const MAX_PAGES = 5;

export interface FeedDeps {
  db: CaptureDb;
  backend(): Promise<TeamBackend>;
  /** A name for the configured backend (its kind and URL): a new one starts a new cursor. */
  backendId(): Promise<string | null>;
  /** The agent's name, to tell a hand-off to them from one by them. */
  me(): Promise<string | null>;
  now(): number;
}

/** Reads the feed after the stored cursor and applies it; answers how many changes came. */
export async function pollTeamFeed(deps: FeedDeps): Promise<number> {
  const got = await deps.backend();
  const activity = await teamActivityItem.getValue();
  if (!('adapter' in got) || !got.adapter.team.changes) {
    await teamActivityItem.setValue({
      ...activity,
      lastPolledAt: deps.now(),
      problem: 'problem' in got ? got.problem : null,
    });
    return 0;
  }
  const id = await deps.backendId();
  const fresh = activity.backend !== id;
  let cursor = fresh ? null : activity.cursor;
  const changes: TeamChange[] = [];
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await got.adapter.team.changes(cursor);
      changes.push(...r.changes);
      cursor = r.cursor;
      if (!r.more) break;
    }
  } catch (e) {
    await teamActivityItem.setValue({
      ...activity,
      lastPolledAt: deps.now(),
      problem: e instanceof Error ? e.message : String(e),
    });
    return 0;
  }
  const me = await deps.me();
  const changed = await applyChanges(deps.db, got.adapter.kind, changes, me);
  const handed = changes
    .filter((c) => c.kind === 'owner' && !!me && c.owner === me && c.by !== me)
    .map((c) => c.remoteId);
  const base = fresh ? { handedToMe: [], changed: [] } : activity;
  await teamActivityItem.setValue({
    cursor,
    backend: id,
    handedToMe: [...new Set([...base.handedToMe, ...handed])],
    changed: [...new Set([...base.changed, ...changed])],
    lastPolledAt: deps.now(),
    problem: null,
  });
  return changes.length;
}

/**
 * Brings status and owner of the cases this browser holds up to the team's, change by change
 * (with who did it); a case with its own changes still waiting to be sent keeps them (this
 * browser's truth until the backend has them). Answers the remote ids that changed.
 */
export async function applyChanges(
  db: CaptureDb,
  kind: string,
  changes: TeamChange[],
  me: string | null,
): Promise<string[]> {
  const out: string[] = [];
  const ids = [...new Set(changes.map((c) => c.remoteId))];
  await db.transaction('rw', db.cases, db.outbox, async () => {
    const held = ids.length ? await db.cases.where('backend.id').anyOf(ids).toArray() : [];
    for (const c of held) {
      if (c.backend?.adapter !== kind || (await db.outbox.where('caseId').equals(c.id).count())) continue;
      let touched = false;
      for (const ch of changes.filter((x) => x.remoteId === c.backend!.id)) {
        if (ch.by === me) continue;
        if (ch.status && ch.status !== c.status) {
          c.log.push(codedLogEntry('status', ch.by, 'status_changed', { from: c.status, to: ch.status }, ch.at));
          c.status = ch.status;
          touched = true;
        }
        if (ch.kind === 'owner' && ch.owner !== c.owner) {
          c.log.push(newLogEntry('owner', ch.by, ch.text, ch.at));
          c.owner = ch.owner;
          touched = true;
        }
        if (ch.kind === 'note' || ch.kind === 'decision') {
          c.log.push(newLogEntry(ch.kind, ch.by, ch.text, ch.at));
          touched = true;
        }
        if (touched) c.updatedAt = ch.at > c.updatedAt ? ch.at : c.updatedAt;
      }
      if (touched) {
        c.backend = { ...c.backend!, syncedAt: new Date().toISOString() };
        await db.cases.put(c);
        out.push(c.backend.id);
      }
    }
  });
  return out;
}
