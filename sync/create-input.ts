import type { Case, StoredMention } from '../domain/case';
import { MentionSchema } from '../domain/mention';
import type { CreateInput } from './adapter';

/**
 * The create body is rebuilt from what was fixed at capture (first mention, category, severity,
 * the capture note, who captured), never from later edits: a retry must send the same body for
 * the same idempotency key, or the backend rightly answers 422.
 */
export function createInput(c: Case, first: StoredMention): CreateInput {
  const created = c.log.find((e) => e.kind === 'created');
  const note = c.log.find((e) => e.kind === 'note' && e.at === c.createdAt);
  const { id: _id, caseId: _c, urlKey: _u, authorKey: _a, threadKey: _t, ...mention } = first;
  return {
    caseId: c.id,
    idempotencyKey: c.idempotencyKey,
    mention: MentionSchema.parse(mention),
    category: c.category,
    severity: c.severity,
    note: note?.text ?? '',
    capturedBy: created?.by ?? 'agent',
  };
}
