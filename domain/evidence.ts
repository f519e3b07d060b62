import { z } from 'zod';
import { IsoInstantSchema } from './primitives';

/** Names the format of an evidence record's JSON; a later change to what it holds gets a new one. */
export const EVIDENCE_FORMAT = 'complaint-capture-evidence/1';

/**
 * What an evidence record says about its image, as codes (the side panel words them per language):
 * `cut-*`: the post went on past that edge of the visible page (the image is its visible part);
 * `no-element`, `box-invalid`, `box-off-screen`: no usable box of the post, so the whole visible
 * page was kept; `scale-from-image`: the page's devicePixelRatio did not match the image, which
 * was scaled by the image's own size instead.
 */
export const EVIDENCE_NOTES = [
  'cut-top',
  'cut-bottom',
  'cut-left',
  'cut-right',
  'no-element',
  'box-invalid',
  'box-off-screen',
  'scale-from-image',
] as const;
export const EvidenceNoteSchema = z.enum(EVIDENCE_NOTES);
export type EvidenceNote = z.infer<typeof EvidenceNoteSchema>;

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
export const RectSchema = z.object({ x: finite, y: finite, width: finite, height: finite });
export type Rect = z.infer<typeof RectSchema>;

export const EVIDENCE_IMAGE_TYPE = 'image/png';

/**
 * The evidence record's JSON, kept as canonical text (domain/canonical-json.ts) and hashed with
 * the image (domain/evidence-hash.ts). `mention` is the mention as extracted, before the agent's
 * review; `view` is how the image was cut from the visible page (CSS px; `crop` in image px).
 */
export const EvidenceStatementSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  capturedAt: IsoInstantSchema,
  pageUrl: z.string(),
  mention: z.looseObject({ url: z.string() }),
  image: z.object({
    type: z.literal(EVIDENCE_IMAGE_TYPE),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  view: z.object({
    box: RectSchema.nullable(),
    viewport: z.object({ width: finite, height: finite }),
    devicePixelRatio: finite,
    scale: finite,
    crop: RectSchema,
  }),
  partial: z.boolean(),
  notes: z.array(EvidenceNoteSchema),
});
export type EvidenceStatement = z.infer<typeof EvidenceStatementSchema>;

/** The fields of a record the side panel and the export read without parsing its JSON. */
const recordFields = {
  id: z.string(),
  capturedAt: IsoInstantSchema,
  pageUrl: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  partial: z.boolean(),
  notes: z.array(EvidenceNoteSchema),
  /** The canonical JSON of the EvidenceStatement, exactly as hashed. */
  json: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
};

/**
 * An evidence record as stored (storage/evidence.ts). It is written when the image is ready,
 * before the agent saves the capture: `caseId` and `mentionId` are null until then.
 */
export const StoredEvidenceSchema = z.object({
  ...recordFields,
  caseId: z.string().nullable(),
  mentionId: z.string().nullable(),
  image: z.custom<Blob>((v) => typeof Blob !== 'undefined' && v instanceof Blob, 'expected a Blob'),
});
export type StoredEvidence = z.infer<typeof StoredEvidenceSchema>;

/** An evidence record in the JSON export: the image as base64, with the hash to check it by. */
export const ExportedEvidenceSchema = z.object({
  ...recordFields,
  caseId: z.string(),
  mentionId: z.string().nullable(),
  image: z.object({ type: z.literal(EVIDENCE_IMAGE_TYPE), base64: z.string() }),
});
export type ExportedEvidence = z.infer<typeof ExportedEvidenceSchema>;
