import { describe, expect, it } from 'vitest';
import { authorKeysFromUrl } from '../../domain/page-authors';
import { parseAuthorKey } from '../../domain/parse-author-key';
import { samePost } from '../../domain/url-key';
import { PLATFORM_IDS, platformOfHost } from '../../extract/platforms/platforms';
import { PlatformSchema } from '../../domain/mention';

// The rules each platform's descriptor (extract/platforms/<id>.descriptor.ts) gives the rest of the product.
describe('platform descriptors', () => {
  it('build the mention schema’s platform enum', () => {
    expect(PlatformSchema.options).toEqual([...PLATFORM_IDS]);
  });

  it.each([
    ['x.com', 'x'],
    ['mobile.twitter.com', 'x'],
    ['www.reddit.com', 'reddit'],
    ['old.reddit.com', 'reddit'],
    ['bsky.app', 'bluesky'],
    ['www.threads.com', 'threads'],
    ['nl.linkedin.com', 'linkedin'],
    ['fxtwitter.com', undefined],
    ['notreddit.com', undefined],
    ['mastodon.social', undefined],
  ])('the sites of %s belong to %s', (host, id) => expect(platformOfHost(host)?.id).toBe(id));

  it.each([
    ['https://x.com/MarloesDV', ['x:marloesdv']],
    ['https://twitter.com/marloesdv/status/179', ['x:marloesdv']],
    ['https://x.com/home', []],
    ['https://x.com/a_handle_longer_than_fifteen', []],
    ['https://bsky.app/profile/Anouk.bsky.social/post/3lbx2', ['bluesky:anouk.bsky.social']],
    ['https://old.reddit.com/user/Klant42/', ['reddit:klant42']],
    ['https://www.reddit.com/r/nl/comments/abc/title/', []],
    ['https://mastodon.social/@anouk', ['mastodon:anouk@mastodon.social']],
    ['https://mastodon.social/@anouk@other.example/1234', ['mastodon:anouk@other.example']],
    ['https://www.threads.com/@marloes.dv/post/C1', ['threads:marloes.dv']],
    ['https://blog.example/2026/storing', []],
    ['not a url', []],
  ])('%s names the authors %j', (url, keys) => expect(authorKeysFromUrl(url)).toEqual(keys));

  it.each([
    ['@MarloesDV', 'x:marloesdv'],
    ['threads:@Marloes.DV', 'threads:marloes.dv'],
    ['linkedin:jan-de-vries', 'linkedin:jan-de-vries'],
    ['@anouk@mastodon.social', null],
    ['facebook:someone', null],
  ])('an agent typing %j names %j', (input, key) => expect(parseAuthorKey(input)).toBe(key));
});

describe('samePost (the one "same post" decision)', () => {
  it.each([
    ['https://twitter.com/MarloesDV/status/179?s=20', 'https://x.com/marloesdv/status/179'],
    ['https://x.com/i/web/status/179', 'https://x.com/marloesdv/status/179'],
    ['https://www.reddit.com/r/nl/comments/abc/title/', 'https://old.reddit.com/r/nl/comments/abc/'],
    [
      'https://www.linkedin.com/feed/update/urn:li:activity:71/',
      'https://www.linkedin.com/posts/jan_slug-activity-71-x',
    ],
    ['https://blog.example/post#comment-12', 'https://blog.example/post/#comment-12'],
    ['https://blog.example/post?utm_source=x', 'https://blog.example/post'],
  ])('%s is the same post as %s', (a, b) => {
    expect(samePost(a, b)).toBe(true);
    expect(samePost(b, a)).toBe(true);
  });

  it.each([
    ['https://x.com/marloesdv/status/179', 'https://x.com/marloesdv/status/180'],
    ['https://blog.example/post#comment-12', 'https://blog.example/post'],
    ['https://blog.example/post#comment-12', 'https://blog.example/post#comment-13'],
    ['https://www.reddit.com/r/nl/comments/abc/title/c1/', 'https://www.reddit.com/r/nl/comments/abc/title/'],
    // Mastodon ids are per instance: the same number elsewhere is another toot.
    ['https://a.social/@anouk/1234', 'https://b.social/@anouk/1234'],
    ['https://x.com/marloesdv/status/179', 'https://bsky.app/profile/x/post/179'],
  ])('%s is not %s', (a, b) => expect(samePost(a, b)).toBe(false));
});
