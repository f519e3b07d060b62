import { z } from 'zod';
import { AUTH_MODES } from './enum-values';

export const AuthModeSchema = z.enum(AUTH_MODES);
export type AuthMode = z.infer<typeof AuthModeSchema>;

/**
 * Secrets for the configured backend. Kept apart from Settings (storage/credentials.ts) and never
 * shown back in full, logged, or exported.
 * - http: `token` is the bearer token.
 * - zendesk: `authMode` api-token → `email` + `token` (API token); oauth → `token` is the access token.
 * - freshdesk: `token` is the API key.
 */
export const CredentialsSchema = z.object({
  token: z.string().max(4096),
  email: z.string().max(320).optional(),
  authMode: AuthModeSchema.optional(),
});
export type Credentials = z.infer<typeof CredentialsSchema>;

/** What the options page may show of a secret: its last four characters. */
export function credentialHint(c: Credentials | null): string | null {
  if (!c?.token) return null;
  return c.token.length > 8 ? `••••${c.token.slice(-4)}` : '••••';
}
