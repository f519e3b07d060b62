/**
 * A store of the size the linked-cases budget is set for: `mentions` mentions in `cases` cases,
 * stored with bulkAdd through the real toStoredMention (so urlKey, authorKey and threadKey are what
 * the extension writes).
 * Shape: 70 % tweets by 5,000 customers (one in ten replies to one of 1,000 company posts),
 * 30 % comments on 300 blog posts by 3,000 readers; case c holds mentions c, c+cases, c+2·cases …
 */
import type { Case, StoredMention } from '../../domain/case';
import { emptyMetrics } from '../../domain/empty-mention';
import type { Mention } from '../../domain/mention';
import type { CaptureDb } from '../../storage/db';
import { toStoredMention } from '../../domain/stored-mention';

/** Bump when the seeded data changes: a store left by an earlier run is then seeded again. */
export const SEED_VERSION = 'seed-2';

export interface SeedPlan {
  mentions: number;
  cases: number;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();

/** The addresses the bench queries: pages that have stored matches of each kind. */
export const seedUrls = {
  tweet: (j: number) => `https://x.com/customer_${j % 5000}/status/${1_000_000 + j}`,
  companyPost: (t: number) => `https://x.com/acmetelecom/status/${9_000_000 + t}`,
  profile: (a: number) => `https://x.com/customer_${a}`,
  blogPost: (p: number) => `https://blog${p % 30}.example/2026/11/post-${p}/`,
};

function mention(j: number): Mention {
  const base = {
    kind: 'post' as const,
    postId: null,
    title: null,
    language: 'en',
    metrics: emptyMetrics(),
    quoted: null,
    warnings: [] as string[],
    capturedAt: at(j),
    publishedAt: at(j),
  };
  if (j % 10 < 7) {
    const a = j % 5000;
    return {
      ...base,
      platform: 'x',
      url: seedUrls.tweet(j),
      postId: String(1_000_000 + j),
      author: {
        name: `Customer ${a}`,
        handle: `customer_${a}`,
        profileUrl: `https://x.com/customer_${a}`,
        followers: null,
      },
      text: `@acmetelecom complaint ${j}: my internet has been down since monday`,
      parentUrl: j % 10 === 0 ? seedUrls.companyPost((j / 10) % 1000) : null,
    };
  }
  const p = j % 300;
  const r = j % 3000;
  return {
    ...base,
    platform: 'blog',
    kind: 'comment',
    url: `${seedUrls.blogPost(p)}#comment-${j}`,
    author: { name: `Reader ${r}`, handle: null, profileUrl: null, followers: null },
    text: `Comment ${j}: the router was replaced twice and the connection still drops every evening`,
    parentUrl: seedUrls.blogPost(p),
  };
}

function kase(c: number, mentionIds: string[]): Case {
  return {
    id: uuid(c),
    idempotencyKey: uuid(10_000_000 + c),
    status: 'new',
    owner: null,
    category: 'outage',
    severity: 'medium',
    mentionIds,
    log: [{ id: uuid(20_000_000 + c), at: at(c), by: 'Seed', kind: 'created', text: 'seeded' }],
    createdAt: at(c),
    updatedAt: at(c),
    syncState: 'local',
    syncError: null,
    backend: null,
    subject: null,
    firstResponse: null,
    dismissal: null,
    mergedInto: null,
    syncProblem: null,
  };
}

export async function seedStore(db: CaptureDb, plan: SeedPlan): Promise<{ mentions: number; cases: number }> {
  const CHUNK = 10_000;
  for (let from = 0; from < plan.mentions; from += CHUNK) {
    const rows: StoredMention[] = [];
    for (let j = from; j < Math.min(plan.mentions, from + CHUNK); j++)
      rows.push(toStoredMention(mention(j), uuid(100_000_000 + j), uuid(j % plan.cases)));
    await db.mentions.bulkAdd(rows);
  }
  for (let from = 0; from < plan.cases; from += CHUNK) {
    const rows: Case[] = [];
    for (let c = from; c < Math.min(plan.cases, from + CHUNK); c++) {
      const ids: string[] = [];
      for (let j = c; j < plan.mentions; j += plan.cases) ids.push(uuid(100_000_000 + j));
      rows.push(kase(c, ids));
    }
    await db.cases.bulkAdd(rows);
  }
  return { mentions: await db.mentions.count(), cases: await db.cases.count() };
}
