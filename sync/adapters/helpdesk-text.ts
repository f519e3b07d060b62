import type { Category, Severity } from '../../domain/case';
import { CategorySchema, SeveritySchema } from '../../domain/case';
import type { TeamHistoryEntry } from '../../domain/team';
import type { UpdateInput } from '../adapter';

/**
 * The lines the extension writes into a helpdesk ticket's internal notes, and how they are read
 * back into history: one place for both, so what one agent's browser writes, another's reads.
 * Helpdesks record every note under the API user; these lines say which agent it was.
 */
export function updateLines(
  input: UpdateInput,
  ownerLabel: string | null,
  /** The helpdesk keeps its own history of assignments (Zendesk's audits): no line for one made by id. */
  recordsAssignments: boolean,
): string[] {
  const lines: string[] = [];
  const handoff = input.note?.kind === 'handoff' ? input.note : null;
  if (handoff && (input.owner !== undefined || input.group !== undefined))
    lines.push(`Handed to ${ownerLabel ?? 'nobody'} by ${handoff.by}: ${handoff.text}`);
  else if (input.owner !== undefined && !(recordsAssignments && input.ownerId != null))
    // A typed name has no id to assign: it goes in as a line, and so does any owner change where
    // the helpdesk's API shows no history of assignments.
    lines.push(input.owner ? `Owner: ${input.owner}` : 'Owner removed');
  if (input.mention) lines.push(`Added from ${input.mention.platform}: ${input.mention.url}`);
  if (input.note && !handoff)
    lines.push(`${input.note.kind === 'decision' ? 'Decision' : 'Note'} by ${input.note.by}: ${input.note.text}`);
  else if (handoff && input.owner === undefined && input.group === undefined)
    lines.push(`Note by ${handoff.by}: ${handoff.text}`);
  return lines;
}

/** The note that carries a capture's evidence: its hash first, so a later send can find it. */
export function evidenceLine(e: { sha256: string; capturedAt: string; pageUrl: string; partial: boolean }): string {
  const part = e.partial ? ' (its visible part: the post went on past the screen)' : '';
  return `Evidence (SHA-256 ${e.sha256}): image of the post as seen at ${e.capturedAt} on ${e.pageUrl}${part}, and its JSON; both attached`;
}

/** Whether a note's text is the evidence note of this hash. */
export function holdsEvidence(text: string | null | undefined, sha256: string): boolean {
  return (text ?? '').includes(`Evidence (SHA-256 ${sha256})`);
}

/** File names of a record's two attachments (the hash's start tells them apart on a ticket). */
export function evidenceFileNames(sha256: string): { image: string; json: string } {
  return { image: `evidence-${sha256.slice(0, 12)}.png`, json: `evidence-${sha256.slice(0, 12)}.json` };
}

/** The note a create leaves on a ticket that already holds the post (a colleague was first). */
export function capturedAgainLines(by: string, url: string, note: string): string[] {
  return [`Captured again by ${by}: ${url}`, ...(note.trim() ? [`Note by ${by}: ${note.trim()}`] : [])];
}

/** A note's lines as history entries: the agent named in a line wins over the API user who wrote it. */
export function notesToHistory(body: string, at: string, author: string | null): TeamHistoryEntry[] {
  const base = { at, note: null, from: null, to: null };
  const out: TeamHistoryEntry[] = [];
  for (const line of body.split(/\r?\n/).map((l) => l.trim())) {
    if (!line) continue;
    let m: RegExpExecArray | null;
    if ((m = /^(Decision|Note) by (.+?): ([\s\S]*)$/.exec(line)))
      out.push({ ...base, by: m[2]!, kind: m[1] === 'Decision' ? 'decision' : 'note', text: m[3]! });
    else if ((m = /^Handed to (.+?) by (.+?): ([\s\S]*)$/.exec(line)))
      out.push({ ...base, by: m[2]!, kind: 'owner', text: `→ ${m[1]}: ${m[3]}`, to: m[1]!, note: m[3]! });
    else if ((m = /^Owner: (.+)$/.exec(line))) out.push({ ...base, by: author, kind: 'owner', text: line, to: m[1]! });
    else if (line === 'Owner removed') out.push({ ...base, by: author, kind: 'owner', text: line });
    else if ((m = /^Captured again by (.+?): (\S+)$/.exec(line)))
      out.push({ ...base, by: m[1]!, kind: 'mention', text: line });
    else if (/^Added from \w+: \S+$/.test(line)) out.push({ ...base, by: author, kind: 'mention', text: line });
    else if (/^Evidence \(SHA-256 [0-9a-f]{64}\): /.test(line))
      out.push({ ...base, by: author, kind: 'mention', text: line });
    else out.push({ ...base, by: author, kind: 'note', text: line });
  }
  return out;
}

/** What the ticket's description (written by ticket-text.ts) says: the post's link and who captured it. */
export function fromDescription(text: string | null | undefined): { link: string | null; capturedBy: string | null } {
  const link = /^Link: (\S+)$/m.exec(text ?? '')?.[1] ?? null;
  const by = /^Captured by (.+) at \S+$/m.exec(text ?? '')?.[1] ?? null;
  return { link, capturedBy: by };
}

/** Category and severity from the tags the adapters set at create (`category_…`/`category:…`). */
export function fromTags(tags: string[] | null | undefined): { category: Category; severity: Severity | null } {
  let category: Category = 'other';
  let severity: Severity | null = null;
  for (const t of tags ?? []) {
    const m = /^(category|severity)[_:](.+)$/.exec(t);
    if (m?.[1] === 'category' && CategorySchema.safeParse(m[2]).success) category = m[2] as Category;
    if (m?.[1] === 'severity' && SeveritySchema.safeParse(m[2]).success) severity = m[2] as Severity;
  }
  return { category, severity };
}

/** An instant from a helpdesk, normalised to the UTC form the extension's schemas take. */
export function isoOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
