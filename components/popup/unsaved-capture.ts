import type { DmRange } from '../../capture/outcome';
import type { CaptureReview } from '../../domain/case';
import type { Mention } from '../../domain/mention';

/** What the agent is editing in the popup before saving: the extracted mention and the review fields. */
export interface UnsavedCapture {
  mention: Mention;
  review: CaptureReview;
  /** A conversation's other messages in the range, oldest first: saved with `mention`. */
  also?: Mention[];
  /** How a conversation's range came out (the popup says when it reached past the loaded messages). */
  dm?: DmRange | null;
  /** The capture's evidence (capture/open), saved with it. */
  evidenceId?: string;
}

/** A capture as the popup opens on it: the review defaults to a service complaint of medium severity. */
export function newUnsavedCapture(
  mention: Mention,
  extras: Pick<UnsavedCapture, 'also' | 'dm' | 'evidenceId'> = {},
): UnsavedCapture {
  return { mention, review: { category: 'service', severity: 'medium', owner: null, note: '' }, ...extras };
}

/**
 * The other messages as saved: the customer is who the form says (the agent may have corrected the
 * name or handle once, for all of them).
 */
export function alsoToSave(c: UnsavedCapture): Mention[] | undefined {
  return c.also?.length ? c.also.map((m) => ({ ...m, author: c.mention.author })) : undefined;
}

/** Fields of the mention the agent may correct, with how a text input maps back onto it. */
export type EditableField = 'authorName' | 'authorHandle' | 'text' | 'url' | 'publishedAt' | 'language';

export function readField(m: Mention, f: EditableField): string {
  switch (f) {
    case 'authorName':
      return m.author.name ?? '';
    case 'authorHandle':
      return m.author.handle ?? '';
    case 'text':
      return m.text;
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
    case 'url':
      return { ...m, url: v };
    case 'publishedAt':
      return { ...m, publishedAt: v ? normaliseInstant(v) : null };
    case 'language':
      return { ...m, language: v.toLowerCase() || null };
  }
}

/** Accepts what an agent types ("2026-11-20 08:00", a full ISO string) and stores it as UTC ISO. */
function normaliseInstant(v: string): string {
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
}
