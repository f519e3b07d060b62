import { z } from 'zod';
import { MentionSchema } from '../domain/mention';
import { DM_MAX_RANGE } from '../extract/dm-limits';

/** Options the extension passes to the in-page capture script. */
export const CaptureOptionsSchema = z.object({
  /** false: ignore any selection (capture the whole post). */
  useSelection: z.boolean().optional(),
  linkUrl: z.string().nullable().optional(),
  /** Context menu: capture the post under the pointer. */
  underPointer: z.boolean().optional(),
  /** Firefox context menu: menus.getTargetElement() finds the right-clicked element by this id. */
  targetElementId: z.number().int().optional(),
  /** Keyboard shortcut: capture the post in the middle of the viewport. */
  inView: z.boolean().optional(),
  /** Every post and comment on the page too (looking for the brand's reply to a case). */
  all: z.boolean().optional(),
  /** The agent switched the capture of direct messages on (options): a conversation may be read. */
  readPrivate: z.boolean().optional(),
  /** A conversation: the customer's last this many messages (the popup's range). */
  dmLast: z.number().int().min(1).max(DM_MAX_RANGE).optional(),
});
export type CaptureOptions = z.infer<typeof CaptureOptionsSchema>;

/** How a conversation's range came out: what was asked, and what the page had loaded. */
export const DmRangeSchema = z.object({
  /** The N of "the customer's last N messages"; null when the agent pointed at one message. */
  requested: z.number().int().min(1).max(DM_MAX_RANGE).nullable(),
  customerLoaded: z.number().int().nonnegative(),
  /** More messages were asked for than the page has loaded: only those loaded were read. */
  pastLoaded: z.boolean(),
});
export type DmRange = z.infer<typeof DmRangeSchema>;

/** What a save or an attach carries beside its mention: a conversation's other messages in the range. */
export const CaptureExtrasSchema = z.object({
  also: z
    .array(MentionSchema.refine((m) => m.kind === 'dm', 'only the messages of a conversation go with a capture'))
    .max(DM_MAX_RANGE)
    .optional(),
});

/**
 * What the in-page script returns; validated on arrival because the page is hostile. `view`
 * (capture/view.ts) is left unchecked here: a strange box must never cost the mention, so the
 * evidence code reads it on its own terms (evidence/crop.ts).
 */
export const CaptureOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    mention: MentionSchema,
    /** Every post and comment on the page (asked with `all`), the brand's replies among them. */
    all: z.array(MentionSchema).optional(),
    /** A conversation's other messages in the range, oldest first (each a mention of kind dm). */
    also: z.array(MentionSchema).max(DM_MAX_RANGE).optional(),
    dm: DmRangeSchema.nullable().optional(),
    view: z.unknown().optional(),
  }),
  z.object({
    ok: z.literal(false),
    error: z.string(),
    url: z.string(),
    title: z.string(),
    /** Nothing was read: a private conversation, and the agent has not allowed direct messages. */
    refused: z.literal('dm-off').optional(),
  }),
]);
export type CaptureOutcome = z.infer<typeof CaptureOutcomeSchema>;
