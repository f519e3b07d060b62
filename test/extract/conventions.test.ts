/**
 * Conventions (STYLE.md) of extract/platforms/: every extractor file is registered and has a saved
 * page; every platform has its descriptor beside its extractor, a fixture whose expected output is
 * of that platform, and its name in every message catalogue. Each failure says what to add.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlatformDescriptor } from '../../extract/platforms/descriptor';
import { PLATFORMS } from '../../extract/platforms/platforms';
import { extractors } from '../../extract/registry';

const DIR = join(__dirname, '..', '..', 'extract', 'platforms');
const PAGES = join(__dirname, '..', 'fixtures', 'pages');
const LOCALES = join(__dirname, '..', '..', 'public', '_locales');
/** Files beside the extractors that are not extractors: shared helpers and the platform list. */
const SUPPORT = new Set(['viewport', 'descriptor', 'platforms']);
const DESCRIPTOR = '.descriptor.ts';

const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
const extractorFiles = files
  .filter((f) => !f.endsWith(DESCRIPTOR))
  .map((f) => f.slice(0, -3))
  .filter((f) => !SUPPORT.has(f));
const descriptorFiles = files.filter((f) => f.endsWith(DESCRIPTOR)).map((f) => f.slice(0, -DESCRIPTOR.length));

/** Every platform named in an expected output of test/fixtures/pages/ (mention, all, cases). */
function fixturePlatforms(): Set<string> {
  const seen = new Set<string>();
  for (const dir of readdirSync(PAGES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join(PAGES, dir.name)).filter((n) => n.endsWith('.expected.json'))) {
      const out = JSON.parse(readFileSync(join(PAGES, dir.name, f), 'utf8')) as {
        mention: { platform: string };
        all: { platform: string }[];
        cases: Record<string, { platform: string }>;
      };
      for (const m of [out.mention, ...out.all, ...Object.values(out.cases)]) seen.add(m.platform);
    }
  }
  return seen;
}

describe('extractor conventions', () => {
  const ids = new Set(extractors.map((e) => e.id));
  for (const file of extractorFiles) {
    it(`${file}.ts is registered under its file name`, () => {
      expect(
        ids.has(file),
        `extract/platforms/${file}.ts is not in extract/registry.ts (or its id is not "${file}")`,
      ).toBe(true);
      expect(readFileSync(join(DIR, `${file}.ts`), 'utf8')).toMatch(new RegExp(`id: '${file}'`));
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

describe('platform conventions', () => {
  const listed = PLATFORMS.map((p) => p.id as string);
  const inFixtures = fixturePlatforms();
  const catalogues = readdirSync(LOCALES).map((lang) => ({
    lang,
    keys: new Set(Object.keys(JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')))),
  }));

  it('every descriptor file is in extract/platforms/platforms.ts under its file name', async () => {
    expect(descriptorFiles.sort(), 'list each <id>.descriptor.ts in PLATFORMS (platforms.ts)').toEqual(
      [...listed].sort(),
    );
    for (const id of descriptorFiles) {
      const exported = Object.values(await import(join(DIR, `${id}${DESCRIPTOR}`))) as unknown[];
      const described = exported.filter(
        (v): v is PlatformDescriptor => typeof v === 'object' && v !== null && 'id' in v,
      );
      expect(
        described.map((d) => d.id),
        `${id}${DESCRIPTOR} must export the descriptor of "${id}"`,
      ).toEqual([id]);
      expect(PLATFORMS, `PLATFORMS must hold the descriptor ${id}${DESCRIPTOR} exports`).toContain(described[0]);
    }
  });

  for (const id of listed) {
    it(`${id} has its descriptor beside its extractor`, () => {
      expect(existsSync(join(DIR, `${id}${DESCRIPTOR}`)), `write extract/platforms/${id}${DESCRIPTOR}`).toBe(true);
    });
    it(`${id} has a fixture whose expected output is of that platform`, () => {
      expect(
        inFixtures.has(id),
        `no test/fixtures/pages/*/*.expected.json holds a mention of platform "${id}": add a saved page of it`,
      ).toBe(true);
    });
    it(`${id} has its name in every message catalogue`, () => {
      for (const { lang, keys } of catalogues)
        expect(keys.has(`platform_${id}`), `add "platform_${id}" to public/_locales/${lang}/messages.json`).toBe(true);
    });
  }
});
