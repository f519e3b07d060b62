import { z } from 'zod';
import { EVIDENCE_IMAGE_TYPE } from '../domain/evidence';

/**
 * The own contract's evidence endpoint (docs/backend-contract.md, "Evidence"): an image of a
 * captured post, its canonical JSON and their SHA-256 (domain/evidence-hash.ts), kept with a case.
 */

/** An image as base64 is a third larger than the file: 16 MB of base64 holds 12 MB of PNG. */
export const MAX_EVIDENCE_BODY = 24_000_000;

export const EvidenceUploadBodySchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits'),
  /** The record's canonical JSON, exactly as hashed. */
  json: z.string().min(2),
  image: z.object({ type: z.literal(EVIDENCE_IMAGE_TYPE), base64: z.string().min(1) }),
});
export type EvidenceUploadBody = z.infer<typeof EvidenceUploadBodySchema>;

/** A piece of evidence as the backend keeps it (without the file). */
export const ContractEvidenceSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  sha256: z.string(),
  capturedAt: z.string(),
  pageUrl: z.string(),
  imageType: z.string(),
  imageBytes: z.number().int().nonnegative(),
  createdAt: z.string(),
  by: z.string(),
});
export type ContractEvidence = z.infer<typeof ContractEvidenceSchema>;

export const EvidenceListSchema = z.object({ evidence: z.array(ContractEvidenceSchema) });

/** One piece of evidence with its file and JSON, to check the hash anywhere. */
export const EvidenceFileSchema = ContractEvidenceSchema.extend({
  json: z.string(),
  image: z.object({ type: z.string(), base64: z.string() }),
});
