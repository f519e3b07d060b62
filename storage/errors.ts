import { problem, problemOf, type Problem } from '../domain/problem';

/**
 * An IndexedDB/Dexie failure as a problem the agent can act on (worded by the pages): the raw
 * error names (QuotaExceededError, VersionError…) mean nothing to a webcare agent. Anything that
 * is not a storage failure keeps its own problem (or `unexpected` with its message).
 */
export function storageProblem(e: unknown): Problem {
  const err = e as { name?: string; message?: string; inner?: { name?: string } } | null;
  const name = err?.inner?.name ?? err?.name ?? '';
  const detail = err?.message ?? String(e);
  if (/QuotaExceeded/i.test(name) || /quota/i.test(detail)) return problem('storage_full');
  if (/VersionError|Blocked|DatabaseClosed/i.test(name)) return problem('storage_blocked');
  if (/ConstraintError/i.test(name)) return problem('storage_duplicate');
  if (/InvalidState|Abort|UnknownError|DataError/i.test(name)) return problem('storage_refused', { detail: name });
  return problemOf(e);
}
