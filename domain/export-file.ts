import { z } from 'zod';
import { CaseSchema, ExportedMentionSchema } from './case';
import { ExportedEvidenceSchema } from './evidence';
import { problem, type Problem } from './problem';

export const EXPORT_FORMAT = 'complaint-capture-export';

/**
 * The JSON export: every case and mention and the evidence kept with them (each image as base64
 * with its SHA-256), nothing else (no settings, no credentials). An import is checked against
 * this schema, and every evidence hash recomputed, and refused whole when any part fails, so a
 * bad file never leaves half an import behind. `evidence` is absent in files from before it existed.
 */
export const ExportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(1),
    exportedAt: z.string(),
    cases: z.array(CaseSchema),
    mentions: z.array(ExportedMentionSchema),
    evidence: z.array(ExportedEvidenceSchema).optional(),
  })
  .superRefine((f, ctx) => {
    const ids = new Set(f.cases.map((c) => c.id));
    f.evidence?.forEach((e, i) => {
      if (!ids.has(e.caseId))
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', i, 'caseId'],
          message: `refers to case ${e.caseId}, which is not in the file`,
        });
    });
    f.mentions.forEach((m, i) => {
      if (!ids.has(m.caseId))
        ctx.addIssue({
          code: 'custom',
          path: ['mentions', i, 'caseId'],
          message: `refers to case ${m.caseId}, which is not in the file`,
          params: { unknownCase: m.caseId },
        });
    });
  });
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** Why an import file was refused, naming where in the file it went wrong (worded by the page). */
export function importProblem(error: z.ZodError): Problem {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '';
  const unknownCase =
    issue?.code === 'custom' ? (issue.params as { unknownCase?: string } | undefined)?.unknownCase : undefined;
  return unknownCase
    ? problem('import_unknown_case', { where, caseId: unknownCase })
    : problem('import_invalid', { where });
}
