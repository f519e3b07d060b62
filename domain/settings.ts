import { z } from 'zod';
import { CategorySchema } from './case';
import { BACKEND_KINDS } from './enum-values';
import { PlatformSchema } from './mention';
import { DEFAULT_SLA_HOURS } from './sla';

/** Which case backend the team uses. `none`: cases stay in this browser only. */
export const BackendKindSchema = z.enum(BACKEND_KINDS);
export type BackendKind = z.infer<typeof BackendKindSchema>;

/**
 * One of the brand's own accounts (the company's webcare account on X, its blog name): its posts
 * and comments are never offered as complaints, and its replies answer a case.
 */
export const BrandAccountSchema = z.object({
  platform: PlatformSchema,
  /** The handle without "@" (X, Mastodon, Bluesky, Reddit…), or the name it signs with (blogs). */
  handle: z.string().trim().min(1).max(200),
});
export type BrandAccount = z.infer<typeof BrandAccountSchema>;

const hours = z
  .number()
  .positive()
  .max(24 * 365)
  .nullable();
/** Hours to the first response, per severity (null: no target). */
export const SlaHoursSchema = z.object({ low: hours, medium: hours, high: hours, critical: hours });

/** What the team does for one category of event, and who owns such cases by default. */
export const ProtocolSchema = z.object({
  text: z.string().max(2000),
  /** Pre-fills the owner of a new case of this category (an agent or a team). */
  owner: z.string().max(200),
});
export type Protocol = z.infer<typeof ProtocolSchema>;

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
  brandAccounts: z.array(BrandAccountSchema).max(200).default([]),
  slaHours: SlaHoursSchema.default(DEFAULT_SLA_HOURS),
  /** A protocol per category; a category without one has none. */
  protocols: z.partialRecord(CategorySchema, ProtocolSchema).default({}),
  /**
   * Keep an image of each captured post as evidence (on unless the team switches it off). The
   * default also reads settings stored before the option existed.
   */
  evidence: z.boolean().default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * The part of the settings the backend form saves (with the credentials, kept apart). The DM
 * switch and the evidence switch are saved on their own (`settings/dm-capture`,
 * `settings/evidence`): a form without them keeps the saved ones.
 */
export const BackendSettingsSchema = SettingsSchema.pick({ agentName: true, backend: true, backendUrl: true }).extend({
  dmCapture: z.boolean().optional(),
  evidence: z.boolean().optional(),
});
export type BackendSettings = z.infer<typeof BackendSettingsSchema>;

/** The part the team's triage needs: the brand's accounts, the SLA hours, the protocols. */
export const WorkbenchSettingsSchema = SettingsSchema.pick({ brandAccounts: true, slaHours: true, protocols: true });
export type WorkbenchSettings = z.infer<typeof WorkbenchSettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  agentName: '',
  backend: 'none',
  backendUrl: '',
  dmCapture: false,
  brandAccounts: [],
  slaHours: DEFAULT_SLA_HOURS,
  protocols: {},
  evidence: true,
};
