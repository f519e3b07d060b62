/**
 * Turns an IndexedDB/Dexie failure into a sentence the agent can act on. The raw error names
 * (QuotaExceededError, VersionError…) mean nothing to a webcare agent.
 */
export function storageErrorMessage(e: unknown): string {
  const err = e as { name?: string; message?: string; inner?: { name?: string } } | null;
  const name = err?.inner?.name ?? err?.name ?? '';
  const detail = err?.message ?? String(e);
  if (/QuotaExceeded/i.test(name) || /quota/i.test(detail)) {
    return "The browser's storage is full, so nothing was saved. Export and purge old cases (or free disk space), then save again.";
  }
  if (/VersionError|Blocked|DatabaseClosed/i.test(name)) {
    return 'The case database is held by an older version of the extension in another window. Close other Complaint Capture windows or reload the extension, then save again.';
  }
  if (/ConstraintError/i.test(name)) return `This record is already stored (${detail}).`;
  if (/InvalidState|Abort|UnknownError|DataError/i.test(name))
    return `The case database refused the write (${name}: ${detail}). Nothing was changed.`;
  return detail;
}
