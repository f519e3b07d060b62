import type { DmRange } from '../../capture/outcome';
import type { Category, CaptureReview, Severity } from '../../domain/case';
import { hasText } from '../../domain/field-rules';
import type { Mention } from '../../domain/mention';
import { suggestCategory } from '../../domain/suggest-category';

/** The warning a mention carries when its text is only the page's title (extract/draft.ts). */
const TITLE_ONLY = 'text not found — the mention holds the page title only';

/**
 * What the agent is editing in the popup before saving: the extracted mention and the decisions.
 * Category and severity start unset: the agent picks them (a category may come pre-selected from
 * a keyword suggestion, marked as such), so nothing is misfiled silently.
 */
export interface UnsavedCapture {
  mention: Mention;
  category: Category | null;
  /** The category the words suggested (shown as a suggestion), or null. */
  suggested: Category | null;
  severity: Severity | null;
  owner: string;
  /** The agent typed an owner: a category's default owner no longer replaces it. */
  ownerTouched: boolean;
  note: string;
  /** A conversation's other messages in the range, oldest first: saved with `mention`. */
  also?: Mention[];
  /** How a conversation's range came out (the popup says when it reached past the loaded messages). */
  dm?: DmRange | null;
  /** The capture's evidence (capture/open), saved with it. */
  evidenceId?: string;
}

/**
 * A capture as the popup opens on it; `owners`: each category's default owner (options); `extras`:
 * a conversation's other messages and range, and the capture's evidence.
 */
export function newUnsavedCapture(
  mention: Mention,
  owners: Record<string, string>,
  extras: Pick<UnsavedCapture, 'also' | 'dm' | 'evidenceId'> = {},
): UnsavedCapture {
  // A page title standing in for the text is not what the customer wrote: the agent types it.
  const m = mention.warnings.includes(TITLE_ONLY) ? { ...mention, text: '' } : mention;
  const suggested = hasText(m.text) ? suggestCategory(`${m.title ?? ''} ${m.text}`) : null;
  return {
    mention: m,
    category: suggested,
    suggested,
    severity: null,
    owner: (suggested && owners[suggested]) || '',
    ownerTouched: false,
    note: '',
    ...extras,
  };
}

/**
 * The other messages as saved: the customer is who the form says (the agent may have corrected the
 * name or handle once, for all of them).
 */
export function alsoToSave(c: UnsavedCapture): Mention[] | undefined {
  return c.also?.length ? c.also.map((m) => ({ ...m, author: c.mention.author })) : undefined;
}

/** The capture after choosing a category: its default owner fills the owner unless the agent typed one. */
export function withCategory(c: UnsavedCapture, category: Category, owners: Record<string, string>): UnsavedCapture {
  return { ...c, category, owner: c.ownerTouched ? c.owner : (owners[category] ?? '') };
}

/** What is still missing before the capture can be saved: the fields to highlight, in order. */
export type MissingField = 'mention.text' | 'review.category' | 'review.severity';

export function missingFields(c: UnsavedCapture): MissingField[] {
  const out: MissingField[] = [];
  if (!hasText(c.mention.text)) out.push('mention.text');
  if (!c.category) out.push('review.category');
  if (!c.severity) out.push('review.severity');
  return out;
}

/** The review as saved (only once nothing is missing). */
export function reviewOf(c: UnsavedCapture): CaptureReview {
  return { category: c.category!, severity: c.severity!, owner: c.owner.trim() || null, note: c.note };
}

/** Fields of the mention the agent may correct, with how an input maps back onto it. */
export type EditableField = 'authorName' | 'authorHandle' | 'text' | 'title' | 'url' | 'publishedAt' | 'language';

export function readField(m: Mention, f: EditableField): string {
  switch (f) {
    case 'authorName':
      return m.author.name ?? '';
    case 'authorHandle':
      return m.author.handle ?? '';
    case 'text':
      return m.text;
    case 'title':
      return m.title ?? '';
    case 'url':
      return m.url;
    case 'publishedAt':
      return m.publishedAt ?? '';
    case 'language':
      return m.language ?? '';
  }
}

export function writeField(m: Mention, f: EditableField, value: string): Mention {
  const v = value.trim();
  switch (f) {
    case 'authorName':
      return { ...m, author: { ...m.author, name: v || null } };
    case 'authorHandle':
      return { ...m, author: { ...m.author, handle: v.replace(/^@/, '') || null } };
    case 'text':
      return { ...m, text: value };
    case 'title':
      return { ...m, title: v || null };
    case 'url':
      return { ...m, url: v };
    case 'publishedAt':
      return { ...m, publishedAt: v ? normaliseInstant(v) : null };
    case 'language':
      return { ...m, language: v.toLowerCase() || null };
  }
}

/**
 * Accepts what a datetime-local input gives ("2026-11-20T08:00", the agent's local time) or a full
 * ISO string, and stores it as UTC ISO.
 */
function normaliseInstant(v: string): string {
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
}
