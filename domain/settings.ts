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
  /**
   * Keep an image of each captured post as evidence (on unless the team switches it off). The
   * default also reads settings stored before the option existed.
   */
  evidence: z.boolean().default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings as a page sends them to be saved: without `evidence`, the stored choice stays. */
export const SettingsInputSchema = SettingsSchema.extend({ evidence: z.boolean().optional() });
export type SettingsInput = z.infer<typeof SettingsInputSchema>;

export const DEFAULT_SETTINGS: Settings = { agentName: '', backend: 'none', backendUrl: '', evidence: true };
