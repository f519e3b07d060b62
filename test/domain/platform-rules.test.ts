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
    ['m.facebook.com', 'facebook'],
    ['www.instagram.com', 'instagram'],
    ['m.youtube.com', 'youtube'],
    ['www.tiktok.com', 'tiktok'],
    ['nl.trustpilot.com', 'trustpilot'],
    ['notfacebook.com', undefined],
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
    ['https://www.facebook.com/jan.devries.utrecht?comment_id=1', ['facebook:jan.devries.utrecht']],
    ['https://www.facebook.com/profile.php?id=100087654321098', ['facebook:100087654321098']],
    ['https://www.facebook.com/permalink.php?story_fbid=1&id=2', []],
    ['https://www.instagram.com/Marloes.K/', ['instagram:marloes.k']],
    ['https://www.instagram.com/acme.nl/p/DCk9QxYtZ3a/', ['instagram:acme.nl']],
    ['https://www.instagram.com/p/DCk9QxYtZ3a/', []],
    ['https://www.youtube.com/@Anouk.VD', ['youtube:anouk.vd']],
    ['https://www.youtube.com/watch?v=kT4yq8Lk2Qw', []],
    ['https://www.tiktok.com/@lotte.utr/video/743', ['tiktok:lotte.utr']],
    ['https://uk.trustpilot.com/users/5F3E2D1C0B9A8F7E6D5C4B3A', ['trustpilot:5f3e2d1c0b9a8f7e6d5c4b3a']],
    ['https://x.com/i/chat/1-2', []],
    ['not a url', []],
  ])('%s names the authors %j', (url, keys) => expect(authorKeysFromUrl(url)).toEqual(keys));

  it.each([
    ['@MarloesDV', 'x:marloesdv'],
    ['threads:@Marloes.DV', 'threads:marloes.dv'],
    ['linkedin:jan-de-vries', 'linkedin:jan-de-vries'],
    ['@anouk@mastodon.social', null],
    ['facebook:someone', 'facebook:someone'],
    ['myspace:someone', null],
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
    // Facebook's tracking parameters and hosts do not make another comment.
    [
      'https://www.facebook.com/ACME/posts/pfbid02k?comment_id=11&__cft__[0]=AZW&__tn__=R]-R',
      'https://m.facebook.com/ACME/posts/pfbid02k?comment_id=11',
    ],
    ['https://www.youtube.com/watch?v=kT4&lc=Ugx1&t=42s&pp=ygU', 'https://m.youtube.com/watch?lc=Ugx1&v=kT4'],
    ['https://www.instagram.com/reel/DCk9/?igsh=MWZ0', 'https://www.instagram.com/p/DCk9/'],
    ['https://www.instagram.com/acme.nl/p/DCk9/c/180/', 'https://instagram.com/p/DCk9/c/180'],
    [
      'https://nl.trustpilot.com/reviews/6741f0c2a9b8e7d6c5b4a392',
      'https://www.trustpilot.com/reviews/6741f0c2a9b8e7d6c5b4a392',
    ],
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
    // A comment is not its video or post, though its address holds the video's.
    ['https://www.youtube.com/watch?v=kT4&lc=Ugx1', 'https://www.youtube.com/watch?v=kT4'],
    ['https://www.youtube.com/watch?v=kT4&lc=Ugx1', 'https://www.youtube.com/watch?v=kT4&lc=Ugx1.9z8'],
    ['https://www.facebook.com/ACME/posts/pfbid02k?comment_id=11', 'https://www.facebook.com/ACME/posts/pfbid02k'],
    ['https://www.instagram.com/p/DCk9/c/180/', 'https://www.instagram.com/p/DCk9/'],
    ['https://www.tiktok.com/@lotte.utr/video/743#comment-733', 'https://www.tiktok.com/@lotte.utr/video/743'],
  ])('%s is not %s', (a, b) => expect(samePost(a, b)).toBe(false));
});
