/** Small cases for failures found on the corpus (each fixed once), robustness and the CLI. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MentionSchema } from '../../domain/mention';
import { capText, cleanHandle, cleanLine, MAX_TEXT, normaliseText } from '../../extract/dom/normalise';
import { extractAll, extractMention } from '../../extract/index';
import { tidyName } from '../../extract/meta/byline';

const now = new Date('2026-01-01T00:00:00Z');
const doc = (html: string) => parseHTML(html).document;

describe('bylines seen on corpus pages', () => {
  it.each([
    ['Posted on October 28, 2020 by apgoucher', 'apgoucher'], // cp4space: label element before the name
    ['ByTravis Haney', 'Travis Haney'], // 247sports: <span>By</span>Travis Haney
    ['Bruno Campos -', 'Bruno Campos'], // belfusto
    ['Laura E. Adkins December 28, 2016', 'Laura E. Adkins'], // forward.com
    ['By Erin Cunningham', 'Erin Cunningham'],
    ['Byron Smith', 'Byron Smith'],
  ])('%s → %s', (raw, want) => expect(tidyName(raw)).toBe(want));
});

describe('normalisation', () => {
  it('escapes bidi and zero-width characters in text, keeps emoji joiners', () => {
    expect(normaliseText('re\u200Bfused \u202Eevil\u202C 👩\u200D💻')).toBe(
      're[U+200B]fused [U+202E]evil[U+202C] 👩\u200D💻',
    );
  });
  it('removes them from names and handles', () => {
    expect(cleanLine('Jan \u202EAmsterdam')).toBe('Jan Amsterdam');
    expect(cleanHandle('@\u200Bmarloes\u202Edv')).toBe('marloesdv');
  });
  it('caps text with a warning', () => {
    const c = capText('x'.repeat(MAX_TEXT + 5));
    expect(c.text.length).toBe(MAX_TEXT);
    expect(c.warning).toMatch(/cut at 100,000/);
  });
});

describe('robustness', () => {
  it('a javascript: profile link becomes null and the mention stays valid', () => {
    const m = extractMention(
      doc(
        '<article><p>Long enough complaint text about a refund that never came back to me.</p><a rel="author" href="javascript:alert(1)">Eve</a></article>',
      ),
      { url: 'https://example.org/a', now },
    );
    expect(m.author.name).toBe('Eve');
    expect(m.author.profileUrl).toBeNull();
    MentionSchema.parse(m);
  });
  it('an empty page yields a mention with warnings', () => {
    const m = extractMention(doc('<html><head><title>Only a title</title></head><body></body></html>'), {
      url: 'https://example.org/',
      now,
    });
    expect(m.text).toBe('Only a title');
    expect(m.warnings).toEqual(
      expect.arrayContaining([
        'author not found',
        'publish time not found',
        'text not found — the mention holds the page title only',
      ]),
    );
  });
  it('a bad page address does not throw', () => {
    expect(() => MentionSchema.parse(extractMention(doc('<p>x</p>'), { url: 'not a url', now }))).not.toThrow();
  });
  it('a 10 MB page does not throw and the text is capped', () => {
    const html = `<html><body><article>${'<p>Een hele lange klacht, met komma, over de bank die niet opneemt. </p>'.repeat(150_000)}</article></body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const m = extractMention(doc(html), { url: 'https://example.org/big', now });
    expect(m.text.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(m.warnings.join(' ')).toMatch(/text cut/);
  });
  it('a link to a post that is not on the page gives a minimal mention of that link', () => {
    const m = extractMention(doc('<p>nothing</p>'), {
      url: 'https://x.com/home',
      linkUrl: 'https://x.com/a/status/123',
      now,
    });
    expect(m.url).toBe('https://x.com/a/status/123');
    expect(m.platform).toBe('x');
    expect(m.warnings[0]).toMatch(/not on this page/);
  });
  it('extractAll never returns an empty list', () => {
    expect(extractAll(doc(''), { url: 'https://example.org/', now })).toHaveLength(1);
  });
});

describe('CLI', () => {
  const cli = (args: string[]) =>
    execFileSync('npx', ['tsx', join(__dirname, '../../extract/cli.ts'), ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  it('exits non-zero with one line for a missing file', () => {
    expect(() => cli(['/nonexistent.html', '--url', 'https://x.com/'])).toThrow(/cannot read file/);
  });
  it('exits non-zero for a bad URL', () => {
    expect(() =>
      cli([join(__dirname, '../fixtures/pages/generic/hostile.html'), '--url', 'javascript:alert(1)']),
    ).toThrow(/bad or missing --url/);
  });
  it('prints the mention as JSON, with --selection', () => {
    const out = JSON.parse(
      cli([
        join(__dirname, '../fixtures/pages/x/status-reply-in-conversation.html'),
        '--url',
        'https://x.com/marloesdv/status/1860000000000000002',
        '--selection',
        'Hier hetzelfde',
      ]),
    );
    expect(out.author.handle).toBe('jan_from_ams');
    expect(out.text).toBe('Hier hetzelfde');
  });
});
