/**
 * MentionSchema's rules (domain/mention.ts), checked by hand. finish() runs inside the captured
 * page on every capture, where importing zod and the schemas made /capture.js ~100 KB bigger and
 * each injection ~10 ms slower. The page is not trusted anyway: the background
 * validates what comes back with the real schema (capture/outcome.ts). This check only keeps
 * finish()'s promise of a schema-valid mention; test/extract/mention-check.test.ts fails when the
 * two disagree, so a rule added to the schema must be added here too.
 */
import { ISO_INSTANT, isHttpUrl, LANGUAGE_TAG } from '../domain/field-rules';
import type { Author, Mention, MentionKind } from '../domain/mention';
import { PLATFORM_IDS } from './platforms/platforms';

// The schema's platform enum is built from the same list, so the two cannot disagree.
const PLATFORMS = new Set<string>(PLATFORM_IDS);
// A record over the union type: TypeScript fails here when the schema gains a kind.
const KINDS: Record<MentionKind, true> = { post: true, comment: true, dm: true };

const isString = (v: unknown): v is string => typeof v === 'string';
const nullOr = (ok: (v: unknown) => boolean) => (v: unknown) => v === null || ok(v);
const httpUrl = (v: unknown) => isString(v) && isHttpUrl(v);
const count = nullOr((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0);
const own = (o: object, k: string): unknown => (o as Record<string, unknown>)[k];

type Rules = Record<string, (v: unknown) => boolean>;
const AUTHOR: Rules = {
  name: nullOr(isString),
  handle: nullOr(isString),
  profileUrl: nullOr(httpUrl),
  followers: count,
};
const rating = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && v >= 0 && v <= 5);
const METRICS: Rules = { views: count, likes: count, reposts: count, replies: count, rating };

/** The path of the first field that breaks a rule ('author.profileUrl'), or null when all hold. */
function firstIssue(value: unknown, rules: Rules, prefix = ''): string | null {
  if (typeof value !== 'object' || value === null) return prefix.replace(/\.$/, '') || '(root)';
  for (const [k, ok] of Object.entries(rules)) if (!ok(own(value, k))) return `${prefix}${k}`;
  return null;
}

const MENTION: Rules = {
  platform: (v) => isString(v) && PLATFORMS.has(v),
  kind: (v) => isString(v) && Object.hasOwn(KINDS, v),
  url: httpUrl,
  postId: nullOr(isString),
  text: isString,
  title: nullOr(isString),
  publishedAt: nullOr((v) => isString(v) && ISO_INSTANT.test(v)),
  language: nullOr((v) => isString(v) && LANGUAGE_TAG.test(v)),
  parentUrl: nullOr(httpUrl),
  warnings: (v) => Array.isArray(v) && v.every(isString),
  capturedAt: (v) => isString(v) && ISO_INSTANT.test(v),
};

/** Where `m` breaks MentionSchema ('quoted.author.name'), or null when the schema accepts it. */
export function mentionIssue(m: Mention): string | null {
  const issue =
    firstIssue(m, MENTION) ?? firstIssue(m.author, AUTHOR, 'author.') ?? firstIssue(m.metrics, METRICS, 'metrics.');
  if (issue || m.quoted === null || m.quoted === undefined) return issue;
  const q: { url: unknown; author: Author; text: unknown } = m.quoted;
  if (!nullOr(httpUrl)(q.url)) return 'quoted.url';
  if (!isString(q.text)) return 'quoted.text';
  return firstIssue(q.author, AUTHOR, 'quoted.author.');
}
