import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as labels from '../../components/labels';
import { PLATFORM_IDS } from '../../extract/platforms/platforms';
import { productFolders, sourceFiles } from '../architecture/product-folders';
import { manifestKeys, scanSource, type KeyUse } from './message-keys';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const dir = 'public/_locales';
const load = (lang: string): Messages => JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8'));
const placeholders = (m: Messages[string]) =>
  [...m.message.matchAll(/\$(\w+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();
const langs = readdirSync(dir);

/** Every HTML file below a folder (entrypoints carry `__MSG_…__` in their pages). */
const htmlFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));

/** Every message key product code uses, with where. */
function usedKeys(): { used: KeyUse[]; dynamic: string[] } {
  const used: KeyUse[] = [];
  const dynamic: string[] = [];
  for (const file of sourceFiles(productFolders())) {
    const scan = scanSource(file, readFileSync(file, 'utf8'));
    used.push(...scan.used);
    if (file !== 'components/labels.ts') dynamic.push(...scan.dynamic);
  }
  for (const file of ['wxt.config.ts', ...htmlFiles('entrypoints')])
    used.push(...manifestKeys(file, readFileSync(file, 'utf8')));
  // The typed maps (and the platform names built from the platform list).
  for (const [name, map] of Object.entries(labels))
    if (typeof map === 'object')
      for (const key of Object.values(map)) used.push({ key, file: `labels.ts ${name}`, line: 0 });
  for (const id of PLATFORM_IDS) used.push({ key: labels.platformLabel(id), file: 'labels.ts platformLabel', line: 0 });
  return { used, dynamic };
}

// English and Dutch ship; a string missing from one would show its key in that language.
describe('locales', () => {
  const en = load('en');
  for (const lang of langs.filter((l) => l !== 'en')) {
    const other = load(lang);
    it(`${lang} has exactly the keys of en`, () => expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort()));
    it(`${lang} uses the same placeholders as en, each declared`, () => {
      for (const [key, m] of Object.entries(en)) {
        const o = other[key];
        if (!o) continue;
        expect(placeholders(o), key).toEqual(placeholders(m));
        for (const p of placeholders(o)) expect(o.placeholders?.[p], `${lang} ${key} declares $${p}$`).toBeDefined();
      }
    });
  }

  const { used, dynamic } = usedKeys();
  it('finds the keys the code uses', () => expect(new Set(used.map((u) => u.key)).size).toBeGreaterThan(100));

  for (const lang of langs) {
    it(`${lang} has every key the code uses`, () => {
      const keys = load(lang);
      const missing = used.filter((u) => !Object.hasOwn(keys, u.key)).map((u) => `${u.key} (${u.file}:${u.line})`);
      expect(missing, `add these keys to public/_locales/${lang}/messages.json`).toEqual([]);
    });
  }

  it('builds no key from a template outside the typed maps of components/labels.ts', () => {
    expect(dynamic, 'use a Record<…, MessageKey> in components/labels.ts').toEqual([]);
  });
});

describe('the message-key scanner', () => {
  it('reads literal keys, both arms of a condition, and reports template keys', () => {
    const scan = scanSource(
      'probe.tsx',
      [
        "const a = t('save');",
        "const b = t(x ? 'options_token_oauth' : 'options_token_zendesk', n);",
        'const c = browser.i18n.getMessage(`status_${s}`);',
        "const d = other('not_a_key');",
      ].join('\n'),
    );
    expect(scan.used.map((u) => u.key)).toEqual(['save', 'options_token_oauth', 'options_token_zendesk']);
    expect(scan.dynamic).toEqual(['probe.tsx:3']);
    expect(manifestKeys('m.ts', "name: '__MSG_extName__'").map((u) => u.key)).toEqual(['extName']);
  });
});
