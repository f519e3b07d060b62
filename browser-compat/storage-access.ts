import { browser } from 'wxt/browser';

/**
 * Hides `storage.local` from content scripts, where the browser allows it: Chrome 102+ has
 * `setAccessLevel`; Firefox has no such call, so there the extension's own injected scripts could
 * read it (they never do). Returns whether the browser restricted it.
 */
export async function restrictLocalStorageToExtension(): Promise<boolean> {
  const area = browser.storage.local as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  if (!area.setAccessLevel) return false;
  return area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).then(
    () => true,
    () => false,
  );
}
