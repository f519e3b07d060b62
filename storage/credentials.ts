import { storage } from 'wxt/utils/storage';
import { CredentialsSchema, type Credentials } from '../domain/credentials';
import { restrictLocalStorageToExtension } from '../browser-compat/storage-access';

/**
 * The backend's secret. API tokens and keys live in storage.local, restricted to the extension's
 * own pages and worker where the browser allows it; OAuth access tokens live in storage.session
 * (memory only, gone when the browser closes). Only the background reads them, sends them only to
 * the configured backend, and never logs them; the options page gets a hint (last 4 characters).
 */
const localItem = storage.defineItem<Credentials | null>('local:backendCredentials', { fallback: null });
const sessionItem = storage.defineItem<Credentials | null>('session:backendCredentials', { fallback: null });

let restricted = false;
/** Hides storage.local from content scripts where the browser can (Chrome; Firefox has no such call). */
export async function restrictAccess(): Promise<void> {
  if (restricted) return;
  restricted = true;
  await restrictLocalStorageToExtension();
}

export async function readCredentials(): Promise<Credentials | null> {
  for (const item of [sessionItem, localItem]) {
    const parsed = CredentialsSchema.safeParse(await item.getValue());
    if (parsed.success && parsed.data.token) return parsed.data;
  }
  return null;
}

export async function writeCredentials(c: Credentials | null): Promise<void> {
  await restrictAccess();
  if (c?.authMode === 'oauth') {
    await sessionItem.setValue(c);
    await localItem.setValue(null);
  } else {
    await localItem.setValue(c);
    await sessionItem.setValue(null);
  }
}
