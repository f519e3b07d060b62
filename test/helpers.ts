import { MentionSchema, type Mention } from '../domain/mention';
import { CaptureDb } from '../storage/db';

/** A valid X mention; override what a test is about. */
export function mention(over: Partial<Mention> = {}): Mention {
  return MentionSchema.parse({
    platform: 'x',
    kind: 'post',
    url: 'https://x.com/marloesdv/status/1790000000000000001',
    postId: '1790000000000000001',
    author: { name: 'Marloes', handle: 'marloesdv', profileUrl: 'https://x.com/marloesdv', followers: 40000 },
    text: 'Third week without internet and nobody calls back.',
    title: null,
    publishedAt: '2026-11-20T08:00:00.000Z',
    language: 'en',
    parentUrl: null,
    metrics: { views: null, likes: 3, reposts: null, replies: null },
    warnings: [],
    capturedAt: '2026-11-23T09:00:00.000Z',
    ...over,
  });
}

export const review = { category: 'outage' as const, severity: 'high' as const, owner: null, note: '' };

/** A fresh, empty database of its own. */
export const freshDb = () => new CaptureDb(`t-${crypto.randomUUID()}`);
