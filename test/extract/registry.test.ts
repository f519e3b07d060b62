/**
 * Conventions (STYLE.md): every file in extract/platforms/ is an extractor that is registered and
 * has at least one saved page in test/fixtures/pages/<id>/ (helpers listed below are exempt).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractors } from '../../extract/registry';

const PLATFORMS = join(__dirname, '..', '..', 'extract', 'platforms');
const PAGES = join(__dirname, '..', 'fixtures', 'pages');
/** Shared helpers that live beside the extractors but are not platforms. */
const HELPERS = new Set(['viewport']);

describe('extractor conventions', () => {
  const files = readdirSync(PLATFORMS)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3));
  const ids = new Set(extractors.map((e) => e.id));

  for (const file of files.filter((f) => !HELPERS.has(f))) {
    it(`${file}.ts is registered under its file name`, () => {
      expect(
        ids.has(file),
        `extract/platforms/${file}.ts is not in extract/registry.ts (or its id is not "${file}")`,
      ).toBe(true);
      expect(readFileSync(join(PLATFORMS, `${file}.ts`), 'utf8')).toMatch(new RegExp(`id: '${file}'`));
    });
    it(`${file}.ts has fixtures`, () => {
      const dir = join(PAGES, file);
      const pages = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];
      expect(
        pages.length,
        `no saved page in test/fixtures/pages/${file}/ — add one with its .request.json`,
      ).toBeGreaterThan(0);
    });
  }

  it('the generic fallback is last', () => {
    expect(extractors.at(-1)?.id).toBe('generic');
  });
});
