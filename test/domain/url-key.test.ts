import { describe, expect, it } from 'vitest';
import { urlKey } from '../../domain/url-key';

// The same post must give the same key however it was reached.
describe('urlKey', () => {
  const same: [string, string][] = [
    ['https://twitter.com/MarloesDV/status/179?s=20&t=abc', 'https://x.com/marloesdv/status/179'],
    ['https://mobile.twitter.com/marloesdv/status/179', 'https://x.com/marloesdv/status/179'],
    ['https://www.x.com/marloesdv/status/179/', 'https://x.com/marloesdv/status/179'],
    ['https://x.com/i/web/status/179', 'https://x.com/i/status/179'],
    ['https://blog.example/post?utm_source=tw&utm_medium=social&ref=home', 'https://blog.example/post'],
    ['https://blog.example/post?fbclid=1&gclid=2&igshid=3&si=4', 'https://blog.example/post'],
    ['https://m.blog.example/post', 'https://blog.example/post'],
    ['https://mobile.blog.example/post', 'https://blog.example/post'],
    ['https://old.reddit.com/r/nl/comments/abc/x/', 'https://www.reddit.com/r/nl/comments/abc/x'],
    ['https://BLOG.example:443/post', 'https://blog.example/post'],
    ['http://blog.example:80/post', 'https://blog.example/post'],
    ['https://blog.example/post?b=2&a=1', 'https://blog.example/post?a=1&b=2'],
    ['https://blog.example/post#top', 'https://blog.example/post'],
  ];
  it.each(same)('%s is the same post as %s', (a, b) => expect(urlKey(a)).toBe(urlKey(b)));

  const different: [string, string][] = [
    ['https://x.com/marloesdv/status/179', 'https://x.com/marloesdv/status/180'],
    ['https://blog.example/post?p=1', 'https://blog.example/post?p=2'],
    ['https://blog.example/post#comment-12', 'https://blog.example/post#comment-13'],
    ['https://blog.example/post#comment-12', 'https://blog.example/post'],
    ['https://blog.example/Post', 'https://blog.example/post'],
    ['https://blog.example:8080/post', 'https://blog.example/post'],
  ];
  it.each(different)('%s is not %s', (a, b) => expect(urlKey(a)).not.toBe(urlKey(b)));

  it('keeps comment fragments in their usual forms', () => {
    for (const h of ['#comment-12', '#c12', '#li-comment-12', '#div-comment-12'])
      expect(urlKey(`https://b.example/p${h}`)).toBe(`b.example/p${h}`);
  });

  it('does not throw on a malformed address', () => {
    expect(urlKey('  Not A URL ')).toBe('not a url');
  });
});
