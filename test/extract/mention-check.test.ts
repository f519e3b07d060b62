import { describe, expect, it } from 'vitest';
import { MentionSchema, type Mention } from '../../domain/mention';
import { mentionIssue } from '../../extract/mention-check';
import { finish, newDraft } from '../../extract/draft';
import { mention } from '../helpers';

/** One field of a valid mention replaced (dotted path), the rest left as it is. */
function withField(path: string, value: unknown): Mention {
  const m = structuredClone(
    mention({
      quoted: {
        url: 'https://x.com/a/status/1',
        author: { name: 'A', handle: 'a', profileUrl: null, followers: null },
        text: 'quoted',
      },
    }),
  );
  const keys = path.split('.');
  let at = m as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return m;
}

// Each rule of MentionSchema, broken one at a time, and values it accepts at its edges.
const BROKEN: [string, unknown][] = [
  ['platform', 'myspace'],
  ['platform', null],
  ['kind', 'thread'],
  ['url', 'javascript:alert(1)'],
  ['url', 'https://'],
  ['url', `https://a.example/${'a'.repeat(4100)}`],
  ['url', null],
  ['postId', 12],
  ['text', null],
  ['title', 3],
  ['publishedAt', '2026-11-20'],
  ['publishedAt', '2026-11-20T08:00:00+01:00'],
  ['language', 'en-US'],
  ['language', 'EN'],
  ['parentUrl', 'data:text/html,x'],
  ['warnings', [1]],
  ['warnings', 'x'],
  ['capturedAt', null],
  ['author', null],
  ['author.name', 1],
  ['author.handle', undefined],
  ['author.profileUrl', 'ftp://a.example/'],
  ['author.followers', -1],
  ['author.followers', 1.5],
  ['author.followers', Number.NaN],
  ['author.followers', 2 ** 60],
  ['metrics', undefined],
  ['metrics.views', -3],
  ['metrics.likes', '3'],
  ['metrics.replies', undefined],
  ['metrics.rating', 6],
  ['metrics.rating', -1],
  ['metrics.rating', '4'],
  ['quoted.url', 'javascript:x'],
  ['quoted.text', null],
  ['quoted.author.profileUrl', 'x'],
  ['quoted.author', null],
];
const ACCEPTED: [string, unknown][] = [
  ['url', 'HTTP://A.EXAMPLE/x'],
  ['publishedAt', '2026-11-20T08:00:00Z'],
  ['publishedAt', null],
  ['language', 'nds'],
  ['language', null],
  ['author.followers', 0],
  ['metrics.views', null],
  ['metrics.rating', 4.5],
  ['metrics.rating', 0],
  ['metrics.rating', null],
  ['metrics.rating', undefined],
  ['quoted', null],
  ['quoted', undefined],
  ['warnings', []],
  ['title', ''],
];

describe('mentionIssue agrees with MentionSchema', () => {
  it.each(BROKEN)('refuses %s = %j, as the schema does, naming the field', (path, value) => {
    const m = withField(path, value);
    expect(MentionSchema.safeParse(m).success).toBe(false);
    expect(mentionIssue(m)).toBe(path);
  });

  it.each(ACCEPTED)('accepts %s = %j, as the schema does', (path, value) => {
    const m = withField(path, value);
    expect(MentionSchema.safeParse(m).success).toBe(true);
    expect(mentionIssue(m)).toBeNull();
  });

  it('finish() turns a draft full of bad values into a mention both accept, with warnings', () => {
    const d = newDraft('x');
    Object.assign(d, {
      url: 'javascript:alert(1)',
      postId: ` ${'9'.repeat(300)} `,
      publishedAt: 'yesterday',
      language: 'x-default',
      parentUrl: 'data:text/html,x',
      title: '\u202Etitle',
      author: { name: '\u202Eevil', handle: '@ bad handle!', profileUrl: 'javascript:x', followers: -5 },
      metrics: { views: Number.NaN, likes: 1.5, reposts: -1, replies: 2 ** 60 },
      quoted: {
        url: 'vbscript:x',
        author: { name: null, handle: null, profileUrl: 'ftp://x', followers: Infinity },
        text: 'q',
      },
    });
    const m = finish(d, 'https://x.com/a/status/1', null, new Date('2026-11-23T09:00:00Z'));
    expect(mentionIssue(m)).toBeNull();
    expect(MentionSchema.safeParse(m).success).toBe(true);
    expect(m.warnings).toEqual(expect.arrayContaining(['publish time not found', 'text not found']));
  });
});
