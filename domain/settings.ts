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
   * The agent allows captures of direct messages (X's conversations). Off by default: until the
   * agent switches it on, a conversation is never read. Settings stored before it existed have none.
   */
  dmCapture: z.boolean().default(false),
  /**
   * Keep an image of each captured post as evidence (on unless the team switches it off). The
   * default also reads settings stored before the option existed.
   */
  evidence: z.boolean().default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * What the options page saves with the backend: the DM switch and the evidence switch are saved
 * on their own (`settings/dm-capture`, `settings/evidence`); a form without them keeps them.
 */
export const SettingsSaveSchema = SettingsSchema.extend({
  dmCapture: z.boolean().optional(),
  evidence: z.boolean().optional(),
});

export const DEFAULT_SETTINGS: Settings = {
  agentName: '',
  backend: 'none',
  backendUrl: '',
  dmCapture: false,
  evidence: true,
};
