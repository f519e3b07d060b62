/**
 * Every platform a mention can come from, one descriptor each (`<id>.descriptor.ts`, beside the
 * extractor). The mention schema's platform enum is built from this list, so a platform cannot
 * exist without its descriptor. To add one: write its descriptor, add it here, then its extractor,
 * fixtures and message key (extract/README.md, "Adding a platform").
 */
import { blogPlatform } from './blog.descriptor';
import { blueskyPlatform } from './bluesky.descriptor';
import { onPlatformHost, onPrivatePath, type PlatformDescriptor } from './descriptor';
import { facebookPlatform } from './facebook.descriptor';
import { instagramPlatform } from './instagram.descriptor';
import { linkedinPlatform } from './linkedin.descriptor';
import { mastodonPlatform } from './mastodon.descriptor';
import { redditPlatform } from './reddit.descriptor';
import { threadsPlatform } from './threads.descriptor';
import { tiktokPlatform } from './tiktok.descriptor';
import { trustpilotPlatform } from './trustpilot.descriptor';
import { webPlatform } from './web.descriptor';
import { xPlatform } from './x.descriptor';
import { youtubePlatform } from './youtube.descriptor';

/** In the schema's order; `web` (any other page) last. */
export const PLATFORMS = [
  xPlatform,
  mastodonPlatform,
  blueskyPlatform,
  redditPlatform,
  threadsPlatform,
  linkedinPlatform,
  facebookPlatform,
  instagramPlatform,
  youtubePlatform,
  tiktokPlatform,
  trustpilotPlatform,
  blogPlatform,
  webPlatform,
] as const;

export type PlatformId = (typeof PLATFORMS)[number]['id'];

type IdsOf<T extends readonly PlatformDescriptor[]> = { readonly [K in keyof T]: T[K]['id'] };

/** The ids as a tuple of literals (what `z.enum` takes). */
export const PLATFORM_IDS = PLATFORMS.map((p) => p.id) as readonly string[] as IdsOf<typeof PLATFORMS>;

/** Each platform's descriptor by id. */
export const platformById = Object.fromEntries(PLATFORMS.map((p) => [p.id, p])) as Record<
  PlatformId,
  PlatformDescriptor<PlatformId>
>;

/** The platform of that id, if `id` is one (an extractor of one platform has the platform's id). */
export function platformNamed(id: string): PlatformDescriptor<PlatformId> | undefined {
  return Object.hasOwn(platformById, id) ? platformById[id as PlatformId] : undefined;
}

/** The platform whose sites include this host (mobile.twitter.com → X), if any. */
export function platformOfHost(hostname: string): PlatformDescriptor<PlatformId> | undefined {
  return PLATFORMS.find((p) => onPlatformHost(p, hostname));
}

/** Every platform's other host names, merged: host → the host its keys use. */
export const HOST_ALIASES: Readonly<Record<string, string>> = Object.assign(
  {},
  ...PLATFORMS.map((p) => p.hostAliases ?? {}),
);

/**
 * Whether an address is a private conversation of some platform (X's direct messages): such a page
 * is read only when the agent allowed it, never by a capture that did not ask.
 */
export function isPrivateConversation(url: URL): boolean {
  return PLATFORMS.some((p) => onPrivatePath(p, url));
}
