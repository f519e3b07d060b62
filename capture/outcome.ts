import { z } from 'zod';
import { MentionSchema } from '../domain/mention';

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
});
export type CaptureOptions = z.infer<typeof CaptureOptionsSchema>;

/**
 * What the in-page script returns; validated on arrival because the page is hostile. `view`
 * (capture/view.ts) is left unchecked here: a strange box must never cost the mention, so the
 * evidence code reads it on its own terms (evidence/crop.ts).
 */
export const CaptureOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), mention: MentionSchema, view: z.unknown().optional() }),
  z.object({ ok: z.literal(false), error: z.string(), url: z.string(), title: z.string() }),
]);
export type CaptureOutcome = z.infer<typeof CaptureOutcomeSchema>;
