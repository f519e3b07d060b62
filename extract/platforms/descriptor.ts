/**
 * What the rest of the product knows about a platform, kept beside its extractor: which sites it
 * lives on, how its permalinks name a post and an author, how its addresses are keyed, and where
 * its post ids are unique. Plain data and small functions, free of zod and of any other project
 * module, so that domain/ (url keys, author keys, the mention schema) and the injected capture
 * script can both read them (test/architecture/layers.test.ts keeps it so).
 */

/** Where a platform's post ids name one post: anywhere, per instance and author, or not at all. */
export type IdScope = 'global' | 'account' | null;

export interface PlatformDescriptor<Id extends string = string> {
  /** Stored in every mention (`Mention.platform`) and before the colon of its author keys (`x:handle`). */
  readonly id: Id;
  /**
   * The sites the platform's pages are on: a host equal to one of these or below it. Empty for a
   * platform recognised by its markup on any host (Mastodon instances, blogs, any web page).
   */
  readonly hosts: readonly string[];
  /** For a platform without hosts of its own: the paths its pages have (a Mastodon profile or toot). */
  readonly paths?: RegExp;
  /** Other names of the same site and the host a permalink's key uses for them (twitter.com → x.com). */
  readonly hostAliases?: Readonly<Record<string, string>>;
  /** A permalink's path as it is keyed, when the platform reads paths loosely (X ignores case). */
  readonly keyPath?: (path: string) => string;
  /**
   * The one host a permalink is keyed under, for a platform whose every subdomain shows the same
   * posts (nl.trustpilot.com, m.facebook.com and web.facebook.com are trustpilot.com and facebook.com).
   */
  readonly keyHost?: string;
  /**
   * The query parameters that name a post, when the platform's links carry others too: only these
   * stay in a permalink's key. Facebook adds tracking parameters (`__cft__[0]`, `__tn__`) to every
   * link on the page, so a stored comment would otherwise never match the link beside it.
   */
  readonly keptParams?: readonly string[];
  /**
   * Paths of private conversations (X's direct messages). Such a page is read only when the agent
   * has switched the capture of direct messages on, and only when they ask on it.
   */
  readonly privatePaths?: RegExp;
  /** The post (or comment) id a permalink names, or null when it names none. */
  readonly postIdOf: (url: URL) => string | null;
  /**
   * Where a post id names one post: `global` (the same id anywhere is the same post), `account` (only
   * on the same instance and author), null (ids repeat: blog comment ids such as comment-12 are on
   * every post, so only the permalink identifies).
   */
  readonly idScope: IdScope;
  /**
   * The author keys an address names by itself (a profile, or a post under its author's name), for
   * the side panel's "same customer" without reading the page. `host` is lower-case, without www.
   */
  readonly authorKeysOf?: (url: URL, host: string) => string[];
  /** What a bare `@handle` typed by an agent must look like to mean this platform's handle. */
  readonly bareHandle?: RegExp;
  /** A mention without text may stand on the page's title (a blog post, a web page; never a tweet). */
  readonly pageLevel: boolean;
  /**
   * Runs on any host, and a link from one of its pages to a post is a post of the same network
   * (Mastodon: a toot on another instance). A link found on a blog goes anywhere, so blogs are not.
   */
  readonly federated?: boolean;
}

/** Declares a platform; keeps the id's literal type, from which PlatformSchema is built. */
export function definePlatform<const Id extends string>(d: PlatformDescriptor<Id>): PlatformDescriptor<Id> {
  return d;
}

/**
 * A platform of whole pages on any host (blogs, any web page): no sites of its own, no post ids
 * (a comment id such as comment-12 repeats on every post, so only the permalink identifies), and a
 * mention may stand on the page's title.
 */
export function pagePlatform<const Id extends string>(id: Id): PlatformDescriptor<Id> {
  return definePlatform({ id, hosts: [], postIdOf: () => null, idScope: null, pageLevel: true });
}

/** Whether the host is one of the platform's sites or below one (mobile.twitter.com is twitter.com's). */
export function onPlatformHost(p: PlatformDescriptor, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return p.hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Whether an address is one of the platform's private conversations (never read unless the agent allowed it). */
export function onPrivatePath(p: PlatformDescriptor, url: URL): boolean {
  return !!p.privatePaths && onPlatformHost(p, url.hostname) && p.privatePaths.test(url.pathname);
}

/** Whether an address looks like one of the platform's pages: on its sites, or with its paths. */
export function onPlatformUrl(p: PlatformDescriptor, url: URL): boolean {
  return onPlatformHost(p, url.hostname) || !!p.paths?.test(url.pathname);
}
