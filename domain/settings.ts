import { z } from 'zod';
import { BACKEND_KINDS } from './enum-values';

/** Which case backend the team uses. `none`: cases stay in this browser only. */
export const BackendKindSchema = z.enum(BACKEND_KINDS);
export type BackendKind = z.infer<typeof BackendKindSchema>;

/** Settings that are not secret. Credentials live apart (storage/credentials.ts). */
export const SettingsSchema = z.object({
  /** The agent's name: recorded as `capturedBy` and in every log entry. */
  agentName: z.string().max(200),
  backend: BackendKindSchema,
  /** Base URL of the backend (https, or http on loopback). */
  backendUrl: z.string().max(2048),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { agentName: '', backend: 'none', backendUrl: '' };
