import { randomUUID } from 'node:crypto';
import type { ContractCase, CreateCaseBody, HistoryEntry, PatchCaseBody } from '../contract/cases';

export { capturedBy, mentionsOf, wireSummary } from '../contract/summary';

/**
 * What happens to a case, apart from where it is kept: a new case from a create, a capture of a
 * post the team already has, a change. Pure functions over the case JSON, so every store
 * (SQLite now, PostgreSQL later) records the same history for the same request.
 */

/** Who is acting: an agent named by their token, or the admin token (which may name anyone). */
export interface Actor {
  agentId: string | null;
  name: string;
  admin: boolean;
}

/** The name a change is recorded under: the token's agent; the admin token may pass one on. */
export function actorName(actor: Actor, claimed: string | undefined): string {
  return actor.admin ? claimed?.trim() || actor.name : actor.name;
}

export function newCase(key: string, body: CreateCaseBody, by: string, at: string): ContractCase {
  return {
    id: randomUUID(),
    status: 'new',
    owner: null,
    group: null,
    category: body.category,
    severity: body.severity,
    mentions: [body.mention],
    history: [
      { at, by, kind: 'created', text: `Captured from ${body.mention.platform}: ${body.mention.url}` },
      ...(body.note.trim() ? [{ at, by, kind: 'note', text: body.note.trim() }] : []),
    ],
    createdAt: at,
    updatedAt: at,
    idempotencyKey: key,
  };
}

/** A create for a post that already has a case: the capture and its note go into that case's history. */
export function capturedAgain(c: ContractCase, body: CreateCaseBody, by: string, at: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    { at, by, kind: 'mention', text: `Captured again by ${by}: ${body.mention.url}` },
    ...(body.note.trim() ? [{ at, by, kind: 'note', text: body.note.trim() }] : []),
  ];
  c.history.push(...entries);
  c.updatedAt = at;
  return entries;
}

/** How an owner reads in history: the agent, else the group as "team <name>", else nobody. */
export function ownerLabel(owner: string | null | undefined, group: string | null | undefined): string | null {
  return owner ?? (group ? `team ${group}` : null);
}

/**
 * Applies a PATCH to the case (in place) and returns the history entries it made. An owner or
 * group change is one entry "Anna → Bram" (from, to), carrying a hand-off note when the request
 * has one; a new mention is added to the case (its post key is the store's to record).
 */
export function applyPatch(c: ContractCase, body: PatchCaseBody, by: string, at: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  if (body.status && body.status !== c.status) {
    entries.push({ at, by, kind: 'status', text: `Status ${c.status} → ${body.status}` });
    c.status = body.status;
  }
  const before = ownerLabel(c.owner, c.group);
  const owner = body.owner !== undefined ? body.owner?.trim() || null : c.owner;
  const group = body.group !== undefined ? body.group?.trim() || null : (c.group ?? null);
  const handoff = body.noteKind === 'handoff' ? (body.note ?? null) : null;
  if (owner !== c.owner || group !== (c.group ?? null)) {
    const after = ownerLabel(owner, group);
    entries.push({
      at,
      by,
      kind: 'owner',
      text: `${before ?? 'nobody'} → ${after ?? 'nobody'}${handoff ? `: ${handoff}` : ''}`,
      from: before,
      to: after,
      note: handoff,
    });
    c.owner = owner;
    c.group = group;
  }
  if (body.mention) {
    c.mentions.push(body.mention);
    entries.push({ at, by, kind: 'mention', text: `Added from ${body.mention.platform}: ${body.mention.url}` });
  }
  // A hand-off note with no owner change (the owner was already that agent) is kept as a note.
  const ownerEntryTookNote = handoff !== null && entries.some((e) => e.kind === 'owner');
  if (body.note && !ownerEntryTookNote)
    entries.push({ at, by, kind: body.noteKind === 'decision' ? 'decision' : 'note', text: body.note });
  if (entries.length) {
    c.history.push(...entries);
    c.updatedAt = at;
  }
  return entries;
}

/** Evidence kept with the case: one history entry naming the image's time and hash. */
export function evidenceKept(
  c: ContractCase,
  e: { sha256: string; capturedAt: string; pageUrl: string },
  by: string,
  at: string,
): HistoryEntry {
  const entry = {
    at,
    by,
    kind: 'evidence',
    text: `Evidence kept: image of ${e.pageUrl} as seen at ${e.capturedAt} (SHA-256 ${e.sha256})`,
  };
  c.history.push(entry);
  c.updatedAt = at;
  return entry;
}
